package org.revcycle.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What must hold after every posting, read from the ledger alone: every entry balances; per claim,
 * charge = paid + adjustments + patient responsibility + open balance; and the same per claim line
 * where charges and 835 SVCs name their line, with every SVC's payment on the line it was allocated to.
 */
public final class LedgerInvariants {

  private LedgerInvariants() {}

  public static void assertHold(JdbcClient jdbc) {
    assertThat(jdbc.sql("select entry_id from journal_line group by entry_id having sum(debit) <> sum(credit)")
        .query(UUID.class).list()).as("unbalanced entries").isEmpty();
    // every claim, in one query: charge (revenue) = paid + adjustments + what is still owed, by insurance or patient
    assertThat(jdbc.sql("""
        select e.claim_id from journal_line l join journal_entry e on e.id = l.entry_id join ledger_account a on a.code = l.account_code
        where e.claim_id is not null group by e.claim_id
        having sum(case when l.account_code = '4010' then l.credit - l.debit else 0 end)
          <> sum(case when l.account_code in ('1010', '4110', '4120', '4130', '1120') or coalesce(a.parent_code, a.code) = '1110'
                 then l.debit - l.credit else 0 end)""").query(UUID.class).list()).as("claims that do not reconcile").isEmpty();
    // per claim line, where charges and SVCs name their line: the line's charge (revenue) = paid + adjustments +
    // patient responsibility + what is still open with the payers, and the revenue is the line's billed charge
    // (zero once the claim is voided: a void reverses the charge)
    assertThat(jdbc.sql("""
        select e.claim_id from journal_line l join journal_entry e on e.id = l.entry_id join ledger_account a on a.code = l.account_code
        where e.claim_id is not null and l.claim_line_number is not null group by e.claim_id, l.claim_line_number
        having sum(case when l.account_code = '4010' then l.credit - l.debit else 0 end)
          <> sum(case when l.account_code in ('1010', '4110', '4120', '4130', '1120') or coalesce(a.parent_code, a.code) = '1110'
                 then l.debit - l.credit else 0 end)""").query(UUID.class).list()).as("claim lines that do not reconcile").isEmpty();
    assertThat(jdbc.sql("""
        select cl.claim_id from claim_line cl join claim c on c.id = cl.claim_id join (
          select e.claim_id, l.claim_line_number, sum(l.credit - l.debit) revenue
          from journal_line l join journal_entry e on e.id = l.entry_id
          where l.account_code = '4010' and l.claim_line_number is not null group by e.claim_id, l.claim_line_number) r
          on r.claim_id = cl.claim_id and r.claim_line_number = cl.line_number
        where r.revenue <> case when c.status = 'VOIDED' then 0 else cl.charge end""").query(UUID.class).list()).as("line revenue differing from the billed charge").isEmpty();
    // and every dollar an SVC paid is on the ledger against the claim line it was allocated to
    assertThat(jdbc.sql("""
        select s.claim_id from (
          select r.claim_id, sl.claim_line_number, sum(sl.paid) paid from remittance_service_line sl
          join remittance_claim r on r.id = sl.remittance_id
          where r.claim_id is not null and sl.claim_line_number is not null and r.status_code <> '4'
          group by r.claim_id, sl.claim_line_number) s
        left join (
          select e.claim_id, l.claim_line_number, sum(l.debit - l.credit) cash from journal_line l
          join journal_entry e on e.id = l.entry_id
          where l.account_code = '1010' and l.claim_line_number is not null group by e.claim_id, l.claim_line_number) c
          on c.claim_id = s.claim_id and c.claim_line_number = s.claim_line_number
        where coalesce(c.cash, 0) <> s.paid""").query(UUID.class).list()).as("SVC payments not on their claim line").isEmpty();
  }
}
