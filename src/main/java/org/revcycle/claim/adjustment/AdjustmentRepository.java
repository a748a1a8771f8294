package org.revcycle.claim.adjustment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.revcycle.ledger.Accounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What a manual adjustment may take down: the claim's open insurance receivable, by payer-class account. */
@Repository
public class AdjustmentRepository {

  private final JdbcClient jdbc;

  public AdjustmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The receivable account under 1110 (or 1110 itself) and its open balance. */
  public record OpenReceivable(String account, BigDecimal balance) {}

  /** The insurance receivable account of the claim with the largest open (debit) balance, if any is open. */
  public Optional<OpenReceivable> largestOpenInsuranceReceivable(UUID claimId) {
    return jdbc.sql("""
            select l.account_code, sum(l.debit) - sum(l.credit) open_balance
            from journal_line l join journal_entry e on e.id = l.entry_id join ledger_account a on a.code = l.account_code
            where e.claim_id = ? and coalesce(a.parent_code, a.code) = ?
            group by l.account_code having sum(l.debit) - sum(l.credit) > 0
            order by open_balance desc, l.account_code""")
        .param(claimId).param(Accounts.AR_INSURANCE)
        .query((rs, n) -> new OpenReceivable(rs.getString(1), rs.getBigDecimal(2)))
        .list().stream().findFirst();
  }

  /** A request taken under an Idempotency-Key: what was asked and what came of it. */
  public record KeyedRequest(String idempotencyKey, UUID claimId, String fingerprint, ManualAdjustments.Outcome outcome) {}

  public Optional<KeyedRequest> findKeyed(String idempotencyKey) {
    return jdbc.sql("select * from manual_adjustment_request where idempotency_key = ?").param(idempotencyKey)
        .query((rs, n) -> {
          UUID adjustmentId = rs.getObject("adjustment_id", UUID.class);
          BigDecimal amount = rs.getBigDecimal("amount");
          ManualAdjustments.Outcome outcome = "POSTED".equals(rs.getString("outcome"))
              ? new ManualAdjustments.Posted(adjustmentId, rs.getObject("journal_entry_id", UUID.class), amount,
                  rs.getString("account_code"))
              : new ManualAdjustments.AwaitingApproval(adjustmentId, rs.getString("process_instance_id"),
                  rs.getString("queue"), amount);
          return new KeyedRequest(rs.getString("idempotency_key"), rs.getObject("claim_id", UUID.class),
              rs.getString("request_fingerprint"), outcome);
        })
        .optional();
  }

  /** In the request's transaction: a second request with the same key at the same moment fails on the key. */
  public void saveKeyed(KeyedRequest request, String requestedBy, Instant at) {
    ManualAdjustments.Outcome o = request.outcome();
    boolean posted = o instanceof ManualAdjustments.Posted;
    jdbc.sql("""
        insert into manual_adjustment_request (idempotency_key, claim_id, request_fingerprint, adjustment_id, outcome,
          journal_entry_id, process_instance_id, queue, amount, account_code, requested_by, requested_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(request.idempotencyKey(), request.claimId(), request.fingerprint(), o.adjustmentId(),
            posted ? "POSTED" : "AWAITING_APPROVAL",
            o instanceof ManualAdjustments.Posted p ? p.journalEntryId() : null,
            o instanceof ManualAdjustments.AwaitingApproval a ? a.processInstanceId() : null,
            o instanceof ManualAdjustments.AwaitingApproval a ? a.queue() : null,
            o instanceof ManualAdjustments.Posted p ? p.amount() : ((ManualAdjustments.AwaitingApproval) o).amount(),
            o instanceof ManualAdjustments.Posted p ? p.account() : null, requestedBy, Timestamp.from(at))
        .update();
  }
}
