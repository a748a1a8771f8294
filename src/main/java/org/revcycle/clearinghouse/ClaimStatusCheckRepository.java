package org.revcycle.clearinghouse;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every 276 sent and what answered it (the 277, or the clearinghouse's error), kept with the claim.
 * Written in its own transaction: the documents stay even when the step that asked fails and
 * rolls back, so an incident can be read against what was actually exchanged.
 */
@Repository
public class ClaimStatusCheckRepository {

  /** One exchange as stored. */
  public record ClaimStatusCheck(UUID claimId, String payerId, String traceNumber, String payloadId, String category,
      String summary, String request276, String response277, String errorCode, Instant checkedAt) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  public ClaimStatusCheckRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public void record(ClaimStatusCheck check) {
    ownTransaction.executeWithoutResult(status -> jdbc.sql("""
            insert into claim_status_check (id, claim_id, payer_id, trace_number, payload_id, category, summary,
              request_276, response_277, error_code, checked_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID(), check.claimId(), check.payerId(), check.traceNumber(), check.payloadId(),
            check.category(), truncate(check.summary()), check.request276(), check.response277(), check.errorCode(),
            Timestamp.from(check.checkedAt()))
        .update());
  }

  public List<ClaimStatusCheck> forClaim(UUID claimId) {
    return jdbc.sql("""
            select claim_id, payer_id, trace_number, payload_id, category, summary, request_276, response_277,
              error_code, checked_at
            from claim_status_check where claim_id = ? order by checked_at""")
        .param(claimId)
        .query((rs, n) -> new ClaimStatusCheck(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
            rs.getTimestamp(10).toInstant()))
        .list();
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 1000 ? s : s.substring(0, 997) + "...";
  }
}
