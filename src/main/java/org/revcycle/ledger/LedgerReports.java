package org.revcycle.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.revcycle.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Balances by account, claim, patient or payer at any date, and the receivables roll-forward for
 * any period: everything is derived from the journal, nothing is kept on the side.
 */
@Service
public class LedgerReports {

  private final JdbcClient jdbc;

  public LedgerReports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public enum Dimension { ACCOUNT, CLAIM, PATIENT, PAYER }

  /** One balance: debits minus credits (a receivable's balance is what is owed to us). */
  public record Balance(String key, BigDecimal debits, BigDecimal credits, BigDecimal balance) {}

  /**
   * Balances on entries dated on or before {@code asOf}, grouped by the dimension. With an account,
   * only that account and its sub-accounts count; with a key, only that claim, patient or payer.
   */
  @Transactional(readOnly = true)
  public List<Balance> balances(Dimension by, LocalDate asOf, String account, String key, int limit) {
    String group = switch (by) {
      case ACCOUNT -> "l.account_code";
      case CLAIM -> "cast(e.claim_id as varchar(36))";
      case PATIENT -> "cast(en.patient_id as varchar(36))";
      // a line moving a secondary's or tertiary's receivable names that payer; the rest is the entry's payer
      case PAYER -> "coalesce(l.payer_id, e.payer_id, c.payer_id, 'SELF-PAY')";
    };
    StringBuilder sql = new StringBuilder("""
        select %s k, sum(l.debit) d, sum(l.credit) c
        from journal_line l join journal_entry e on e.id = l.entry_id join ledger_account a on a.code = l.account_code
        left join claim c on c.id = e.claim_id left join encounter en on en.id = c.encounter_id
        where e.entry_date <= :asOf""".formatted(group));
    if (account != null) {
      sql.append(" and (a.code = :account or a.parent_code = :account)");
    }
    if (key != null) {
      sql.append(" and ").append(group).append(" = :key");
    }
    if (by == Dimension.CLAIM) {
      sql.append(" and e.claim_id is not null");
    } else if (by == Dimension.PATIENT) {
      sql.append(" and en.patient_id is not null");
    }
    sql.append(" group by ").append(group).append(" order by 1 limit :limit");
    var statement = jdbc.sql(sql.toString()).param("asOf", asOf).param("limit", limit);
    if (account != null) {
      statement = statement.param("account", account);
    }
    if (key != null) {
      statement = statement.param("key", key);
    }
    return statement.query((rs, n) -> new Balance(rs.getString(1), Money.of(rs.getBigDecimal(2), "debits"),
        Money.of(rs.getBigDecimal(3), "credits"), Money.of(rs.getBigDecimal(2).subtract(rs.getBigDecimal(3)), "balance")))
        .list();
  }

  /**
   * Patient receivables (insurance and self-pay) over a period: opening + charges − payments −
   * adjustments = closing. Charges are what CHARGE entries put on receivables; payments are the
   * cash side of entries that take receivables down; adjustments the rest. The closing balance is
   * read from the ledger on its own, so {@link RollForward#tiesOut()} is a real check.
   */
  @Transactional(readOnly = true)
  public RollForward receivablesRollForward(LocalDate from, LocalDate to) {
    if (from == null || to == null || to.isBefore(from)) {
      throw new InvalidInputException("to", "the period needs a start and an end on or after it");
    }
    BigDecimal opening = receivablesAt(from.minusDays(1));
    BigDecimal closing = receivablesAt(to);
    var movements = jdbc.sql("""
        select
          coalesce(sum(case when m.source_type = 'CHARGE' then m.ar else 0 end), 0),
          coalesce(sum(case when m.source_type <> 'CHARGE' then m.cash else 0 end), 0),
          coalesce(sum(case when m.source_type <> 'CHARGE' then -m.ar - m.cash else 0 end), 0)
        from (
          select e.id, e.source_type,
            sum(case when a.code in ('1110', '1120') or a.parent_code = '1110' then l.debit - l.credit else 0 end) ar,
            sum(case when a.code in ('1010', '1020') then l.debit - l.credit else 0 end) cash,
            sum(case when a.code in ('1110', '1120') or a.parent_code = '1110' then 1 else 0 end) ar_lines
          from journal_entry e join journal_line l on l.entry_id = e.id join ledger_account a on a.code = l.account_code
          where e.entry_date between ? and ?
          group by e.id, e.source_type) m
        where m.ar_lines > 0""")
        .params(from, to)
        .query((rs, n) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3)})
        .single();
    return new RollForward(from, to, Money.of(opening, "opening"), Money.of(movements[0], "charges"),
        Money.of(movements[1], "payments"), Money.of(movements[2], "adjustments"), Money.of(closing, "closing"));
  }

  private BigDecimal receivablesAt(LocalDate asOf) {
    return jdbc.sql("""
        select coalesce(sum(l.debit - l.credit), 0)
        from journal_line l join journal_entry e on e.id = l.entry_id join ledger_account a on a.code = l.account_code
        where e.entry_date <= ? and (a.code in ('1110', '1120') or a.parent_code = '1110')""")
        .param(asOf).query(BigDecimal.class).single();
  }

  public record RollForward(LocalDate from, LocalDate to, BigDecimal opening, BigDecimal charges, BigDecimal payments,
      BigDecimal adjustments, BigDecimal closing) {

    @com.fasterxml.jackson.annotation.JsonProperty
    public boolean tiesOut() {
      return opening.add(charges).subtract(payments).subtract(adjustments).compareTo(closing) == 0;
    }
  }
}
