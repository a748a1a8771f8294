package org.revcycle.encounter;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where polling an EHR left off (its _lastUpdated), kept in the database so a restart goes on from there. */
@Repository
public class EhrCursor {

  private final JdbcClient jdbc;

  public EhrCursor(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Instant> position(String sourceSystem) {
    return jdbc.sql("select last_updated from ehr_cursor where source_system = ?").param(sourceSystem)
        .query(Timestamp.class).optional().map(Timestamp::toInstant);
  }

  public void moveTo(String sourceSystem, Instant lastUpdated, Instant now) {
    int updated = jdbc.sql("update ehr_cursor set last_updated = ?, updated_at = ? where source_system = ?")
        .params(Timestamp.from(lastUpdated), Timestamp.from(now), sourceSystem).update();
    if (updated == 0) {
      jdbc.sql("insert into ehr_cursor (source_system, last_updated, updated_at) values (?, ?, ?)")
          .params(sourceSystem, Timestamp.from(lastUpdated), Timestamp.from(now)).update();
    }
  }
}
