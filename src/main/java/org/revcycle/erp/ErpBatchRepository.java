package org.revcycle.erp;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * erp_batch: one row per idempotency key, what the ERP answered last. Written in its own
 * transaction so that a refusal stays on record when the export that caused it rolls back.
 */
@Repository
public class ErpBatchRepository {

  public enum Status { SENT, FAILED, REFUSED }

  public record ErpBatch(UUID id, String idempotencyKey, int entries, BigDecimal total, Status status,
      String erpReference, int attempts, String lastError) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  public ErpBatchRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public Optional<ErpBatch> find(String idempotencyKey) {
    return jdbc.sql("""
            select id, idempotency_key, entries, total, status, erp_reference, attempts, last_error
            from erp_batch where idempotency_key = ?""")
        .param(idempotencyKey)
        .query((rs, n) -> new ErpBatch(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4),
            Status.valueOf(rs.getString(5)), rs.getString(6), rs.getInt(7), rs.getString(8)))
        .optional();
  }

  /** Records the outcome of one send (all its attempts); a later send of the same batch adds its attempts. */
  public void record(String gateway, String idempotencyKey, int entries, BigDecimal total, Status status,
      String erpReference, int attempts, String error, Instant at) {
    String lastError = error == null ? null : error.substring(0, Math.min(500, error.length()));
    ownTransaction.executeWithoutResult(tx -> {
      int updated = jdbc.sql("""
              update erp_batch set status = ?, erp_reference = ?, attempts = attempts + ?, last_error = ?, sent_at = ?
              where idempotency_key = ?""")
          .params(status.name(), erpReference, attempts, lastError, Timestamp.from(at), idempotencyKey).update();
      if (updated == 0) {
        jdbc.sql("""
                insert into erp_batch (id, idempotency_key, entries, total, erp_reference, sent_at, status, attempts,
                  last_error, gateway)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(UUID.randomUUID(), idempotencyKey, entries, total, erpReference, Timestamp.from(at), status.name(),
                attempts, lastError, gateway)
            .update();
      }
    });
  }
}
