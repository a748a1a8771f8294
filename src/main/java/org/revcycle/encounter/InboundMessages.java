package org.revcycle.encounter;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every inbound message is recorded before it is acted on, and kept with the reason when it is
 * refused, so nothing received is lost and a refused message can be replayed once corrected.
 */
@Repository
public class InboundMessages {

  private final JdbcClient jdbc;

  public InboundMessages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** In its own transaction: the record survives whatever happens to the processing. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public UUID record(String channel, String sourceKey, String payload, Instant receivedAt) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        insert into inbound_message (id, channel, source_key, received_at, payload, status)
        values (?, ?, ?, ?, ?, 'RECEIVED')""")
        .params(id, channel, sourceKey, Timestamp.from(receivedAt), payload)
        .update();
    return id;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void mark(UUID id, String status, String sourceKey, String error) {
    jdbc.sql("update inbound_message set status = ?, source_key = coalesce(?, source_key), error = ? where id = ?")
        .params(status, sourceKey, error == null ? null : error.substring(0, Math.min(error.length(), 1000)), id)
        .update();
  }
}
