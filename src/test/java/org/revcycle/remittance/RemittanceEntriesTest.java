package org.revcycle.remittance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.revcycle.ledger.AdjustmentAccounts;
import org.revcycle.ledger.JournalEntry;
import org.revcycle.ledger.JournalLine;

/** A decision's journal entry, service line by service line, and across the payers of a claim. */
class RemittanceEntriesTest {

  private static final AdjustmentAccounts.Mapping MAPPING = new AdjustmentAccounts.Mapping(Map.of(
      "*|*|CO|*", "4110", "*|*|CO|29", "4120", "*|*|OA|*", "4130"), Map.of());
  private final UUID claimId = UUID.randomUUID();
  private final UUID remittanceId = UUID.randomUUID();

  private static BigDecimal usd(String amount) {
    return new BigDecimal(amount);
  }

  private static ClaimAdjudication.Adjustment cas(String group, String reason, String amount) {
    return new ClaimAdjudication.Adjustment(group, reason, usd(amount));
  }

  private static String sides(JournalEntry e) {
    return e.lines().stream()
        .map(l -> (l.debit().signum() > 0 ? "Dr " : "Cr ") + l.accountCode() + " " + (l.debit().signum() > 0 ? l.debit() : l.credit())
            + (l.claimLineNumber() == null ? "" : " L" + l.claimLineNumber()) + (l.payerId() == null ? "" : " " + l.payerId()))
        .reduce((x, y) -> x + ", " + y).orElse("");
  }

  /** Debits minus credits per claim line (0 = claim level): every part of the entry balances on its own. */
  private static Map<Integer, BigDecimal> netByLine(JournalEntry e) {
    Map<Integer, BigDecimal> net = new TreeMap<>();
    for (JournalLine l : e.lines()) {
      net.merge(Objects.requireNonNullElse(l.claimLineNumber(), 0), l.debit().subtract(l.credit()), BigDecimal::add);
    }
    return net;
  }

  /**
   * CLP 285.00 charged, 163.00 paid: SVC 1 (line 1, 185.00) paid 120, CO-45 45, PR-2 20; SVC 2 (line 2,
   * 64.50... billed 100 here) paid 48, CO-45 40, PR-3 12; a claim-level CO-29 of 5 takes 5 off the payment.
   */
  private ClaimAdjudication twoLines() {
    var svc1 = new ClaimAdjudication.ServiceLine(1, 1, "SVC 1 99214 6R 1", "1", "99214", usd("185.00"), usd("120.00"),
        List.of(cas("CO", "45", "45.00"), cas("PR", "2", "20.00")));
    var svc2 = new ClaimAdjudication.ServiceLine(2, 2, "SVC 2 80053 6R 2", "2", "80053", usd("100.00"), usd("48.00"),
        List.of(cas("CO", "45", "40.00"), cas("PR", "3", "12.00")));
    List<ClaimAdjudication.Adjustment> all = List.of(cas("CO", "29", "5.00"), cas("CO", "45", "45.00"), cas("PR", "2", "20.00"),
        cas("CO", "45", "40.00"), cas("PR", "3", "12.00"));
    ClaimAdjudication a = new ClaimAdjudication("RC1", "CMA", "CMA1", "1", usd("285.00"), usd("163.00"), usd("32.00"), all,
        List.of(), LocalDate.of(2026, 11, 20), "TRN1", List.of(svc1, svc2));
    assertThat(a.balances()).isTrue();
    return a;
  }

  @Test
  void eachServiceLinePostsItsOwnPaymentAdjustmentsAndPatientShareAgainstItsClaimLine() {
    JournalEntry e = RemittanceEntries.forClaim(remittanceId, claimId, twoLines(), false, "COMMERCIAL", MAPPING, null).orElseThrow();
    assertThat(sides(e)).isEqualTo("Dr 1010 120.00 L1, Dr 4110 45.00 L1, Dr 1120 20.00 L1, Cr 1110 185.00 L1, "
        + "Dr 1010 48.00 L2, Dr 4110 40.00 L2, Dr 1120 12.00 L2, Cr 1110 100.00 L2, "
        + "Cr 1010 5.00, Dr 4120 5.00");
    assertThat(netByLine(e)).allSatisfy((line, net) -> assertThat(net).as("line %s", line).isEqualByComparingTo("0"));
    assertThat(e.lines()).filteredOn(l -> Integer.valueOf(2).equals(l.claimLineNumber()))
        .allSatisfy(l -> assertThat(l.serviceRef()).isEqualTo("SVC 2 80053 6R 2"));
    assertThat(e.lines()).filteredOn(l -> Integer.valueOf(1).equals(l.claimLineNumber()))
        .extracting(JournalLine::sourceCode).containsExactly("PAID", "CO-45", "PR", "CLP");
    // the whole claim still comes to the same as at claim level: 285 off the receivable, 163 cash
    assertThat(net(e, "1110")).isEqualByComparingTo("-285.00");
    assertThat(net(e, "1010")).isEqualByComparingTo("163.00");
  }

  @Test
  void anSvcNoClaimLineFitsPostsAtClaimLevelWithItsReference() {
    var svc = new ClaimAdjudication.ServiceLine(1, null, "SVC 1 J3420", null, "J3420", usd("50.00"), usd("40.00"),
        List.of(cas("CO", "45", "10.00")));
    ClaimAdjudication a = new ClaimAdjudication("RC1", "CMA", "CMA1", "1", usd("50.00"), usd("40.00"), usd("0.00"),
        List.of(cas("CO", "45", "10.00")), List.of(), LocalDate.of(2026, 11, 20), "TRN1", List.of(svc));
    JournalEntry e = RemittanceEntries.forClaim(remittanceId, claimId, a, false, "COMMERCIAL", MAPPING, null).orElseThrow();
    assertThat(sides(e)).isEqualTo("Dr 1010 40.00, Dr 4110 10.00, Cr 1110 50.00");
    assertThat(e.lines()).allSatisfy(l -> assertThat(l.serviceRef()).isEqualTo("SVC 1 J3420"));
    assertThat(e.lines().get(0).memo()).contains("no claim line fits");
  }

  @Test
  void theReversalOfALineByLineDecisionUndoesItLineByLine() {
    ClaimAdjudication paid = twoLines();
    ClaimAdjudication reversal = new ClaimAdjudication("RC1", "CMA", "CMA1", "22", paid.charge().negate(), paid.paid().negate(),
        paid.patientResponsibility().negate(), paid.adjustments().stream().map(c -> cas(c.groupCode(), c.reasonCode(),
            c.amount().negate().toPlainString())).toList(), List.of(), LocalDate.of(2026, 11, 21), "TRN2",
        paid.lines().stream().map(l -> new ClaimAdjudication.ServiceLine(l.sequence(), l.claimLineNumber(), l.reference(),
            l.lineControlNumber(), l.procedureCode(), l.charge().negate(), l.paid().negate(), l.adjustments().stream()
                .map(c -> cas(c.groupCode(), c.reasonCode(), c.amount().negate().toPlainString())).toList())).toList());
    JournalEntry original = RemittanceEntries.forClaim(remittanceId, claimId, paid, false, "COMMERCIAL", MAPPING, null).orElseThrow();
    JournalEntry undone = RemittanceEntries.forClaim(UUID.randomUUID(), claimId, reversal, false, "COMMERCIAL", MAPPING, null).orElseThrow();
    for (int i = 0; i < original.lines().size(); i++) {
      JournalLine o = original.lines().get(i);
      JournalLine u = undone.lines().get(i);
      assertThat(u.accountCode()).isEqualTo(o.accountCode());
      assertThat(u.claimLineNumber()).isEqualTo(o.claimLineNumber());
      assertThat(u.debit()).isEqualByComparingTo(o.credit());
      assertThat(u.credit()).isEqualByComparingTo(o.debit());
    }
  }

  @Test
  void withASecondaryThePrimarysPatientShareMovesToTheSecondarysReceivable() {
    RemittanceEntries.Receivables primary = RemittanceEntries.Receivables.of(false, "MCR", List.of("CMB", "MCD"));
    ClaimAdjudication a = new ClaimAdjudication("RC1", "MCR", "MCR1", "1", usd("100.00"), usd("60.00"), usd("20.00"),
        List.of(cas("CO", "45", "20.00"), cas("PR", "1", "20.00")), List.of(), LocalDate.of(2026, 11, 20), "TRN1");
    JournalEntry e = RemittanceEntries.forClaim(remittanceId, claimId, a, primary, "MEDICARE", MAPPING, null).orElseThrow();
    // 1110 lines land in the payer-class sub-account when posted: the claim's own (Medicare), and the secondary's by its payer id
    assertThat(sides(e)).isEqualTo("Dr 1010 60.00, Dr 4110 20.00, Dr 1110 20.00 CMB, Cr 1110 100.00");
  }

  @Test
  void theSecondaryTakesDownItsOwnReceivableAndPassesItsPatientShareToTheTertiary() {
    RemittanceEntries.Receivables secondary = RemittanceEntries.Receivables.of(true, "CMB", List.of("CMB", "MCD"));
    ClaimAdjudication a = new ClaimAdjudication("RC1", "CMB", "CMB1", "2", usd("100.00"), usd("12.00"), usd("5.00"),
        List.of(cas("OA", "23", "80.00"), cas("CO", "45", "3.00"), cas("PR", "2", "5.00")), List.of(),
        LocalDate.of(2026, 11, 25), "TRN2");
    JournalEntry e = RemittanceEntries.forClaim(remittanceId, claimId, a, secondary, "COMMERCIAL", MAPPING, null).orElseThrow();
    assertThat(sides(e)).isEqualTo("Dr 1010 12.00, Dr 4110 3.00, Dr 1110 5.00 MCD, Cr 1110 20.00 CMB");

    RemittanceEntries.Receivables tertiary = RemittanceEntries.Receivables.of(true, "MCD", List.of("CMB", "MCD"));
    ClaimAdjudication t = new ClaimAdjudication("RC1", "MCD", "MCD1", "3", usd("100.00"), usd("4.00"), usd("1.00"),
        List.of(cas("OA", "23", "95.00"), cas("PR", "2", "1.00")), List.of(), LocalDate.of(2026, 11, 28), "TRN3");
    JournalEntry last = RemittanceEntries.forClaim(remittanceId, claimId, t, tertiary, "MEDICAID", MAPPING, null).orElseThrow();
    assertThat(sides(last)).as("the last payer leaves the rest to the patient")
        .isEqualTo("Dr 1010 4.00, Dr 1120 1.00, Cr 1110 5.00 MCD");
  }

  @Test
  void aSecondarysReversalPutsTheBalanceBackOnTheSecondarysReceivable() {
    RemittanceEntries.Receivables reversal = RemittanceEntries.Receivables.of(false, "22", "CMB", List.of("CMB"));
    ClaimAdjudication a = new ClaimAdjudication("RC1", "CMB", "CMB1", "22", usd("-100.00"), usd("-15.00"), usd("0.00"),
        List.of(cas("OA", "23", "-80.00"), cas("CO", "45", "-5.00")), List.of(), LocalDate.of(2026, 11, 30), "TRN4");
    JournalEntry e = RemittanceEntries.forClaim(remittanceId, claimId, a, reversal, "COMMERCIAL", MAPPING, null).orElseThrow();
    assertThat(sides(e)).isEqualTo("Cr 1010 15.00, Cr 4110 5.00, Dr 1110 20.00 CMB");
    // a primary's reversal still undoes the primary's posting
    assertThat(RemittanceEntries.Receivables.of(false, "22", "MCR", List.of("CMB")).creditPayer()).isNull();
  }

  @Test
  void aFollowOnPayerTheClaimDoesNotListTakesDownThePatientsShare() {
    assertThat(RemittanceEntries.Receivables.of(true, "CMA", List.of("CMB"))).isEqualTo(new RemittanceEntries.Receivables(null, true, null, true));
    assertThat(RemittanceEntries.Receivables.of(false, "CMA", List.of())).isEqualTo(new RemittanceEntries.Receivables(null, false, null, false));
  }

  private static BigDecimal net(JournalEntry e, String account) {
    return e.lines().stream().filter(l -> l.accountCode().equals(account)).map(l -> l.debit().subtract(l.credit()))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
