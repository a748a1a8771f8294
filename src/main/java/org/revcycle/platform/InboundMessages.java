package org.revcycle.platform;

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

  /** The message already taken in (processed) on this channel under this key, if any: the same file twice is acted on once. */
  public java.util.Optional<UUID> findTaken(String channel, String sourceKey) {
    return jdbc.sql("select id from inbound_message where channel = ? and source_key = ? and status = 'PROCESSED'")
        .params(channel, sourceKey)
        .query(UUID.class)
        .optional();
  }

  /**
   * The message received on this channel under this key and not acted on yet (one that had to wait
   * for a later poll): a retried file reuses its record, so one received file is one row.
   */
  public java.util.Optional<UUID> findWaiting(String channel, String sourceKey) {
    return jdbc.sql("""
        select id from inbound_message where channel = ? and source_key = ? and status = 'RECEIVED'
        order by received_at, id limit 1""")
        .params(channel, sourceKey)
        .query(UUID.class)
        .optional();
  }

  /** In its own transaction: a refusal is kept even though nothing else is written. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void markRefused(UUID id, String error) {
    mark(id, "REJECTED", null, error);
  }

  /** In the caller's transaction: marked processed exactly when the processing commits. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void markTaken(UUID id, boolean duplicate, String sourceKey) {
    mark(id, duplicate ? "DUPLICATE" : "PROCESSED", sourceKey, null);
  }

  private void mark(UUID id, String status, String sourceKey, String error) {
    jdbc.sql("update inbound_message set status = ?, source_key = coalesce(?, source_key), error = ? where id = ?")
        .params(status, sourceKey, error == null ? null : error.substring(0, Math.min(error.length(), 1000)), id)
        .update();
  }
}
