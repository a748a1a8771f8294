package org.revcycle.claim.adjustment;

import java.math.BigDecimal;
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
}
