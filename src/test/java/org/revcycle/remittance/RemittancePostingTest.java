package org.revcycle.remittance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.revcycle.ledger.AdjustmentAccounts;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.revcycle.claim.ClaimRepository;
import org.revcycle.ledger.JournalEntry;
import org.revcycle.ledger.JournalLine;
import org.revcycle.ledger.Ledger;
import org.revcycle.ledger.LedgerRepository;

/** Which accounts a payer's decision moves, and that every entry balances, reversals included. */
class RemittancePostingTest {

  private final RemittanceRepository remittances = mock(RemittanceRepository.class);
  private final Ledger ledger = mock(Ledger.class);
  private final AdjustmentAccounts adjustmentAccounts = mock(AdjustmentAccounts.class);
  private final LedgerRepository ledgerRepository = mock(LedgerRepository.class);
  private final RemittancePosting posting =
      new RemittancePosting(remittances, mock(ClaimRepository.class), ledger, adjustmentAccounts,
          Clock.systemUTC(), mock(OtherCoverages.class), ledgerRepository,
          mock(org.springframework.context.ApplicationEventPublisher.class));
  /** As the V6 migration seeds it, plus one payer-specific rule. */
  private static final AdjustmentAccounts.Mapping MAPPING = new AdjustmentAccounts.Mapping(Map.of(
      "*|*|CO|*", "4110", "*|*|CO|29", "4120", "*|*|OA|*", "4130", "*|*|PI|*", "4130", "CMA|*|CO|45", "4111X",
      "*|MEDICARE|CO|253", "4130"), Map.of("L6", "4510"));

  @org.junit.jupiter.api.BeforeEach
  void mapping() {
    when(adjustmentAccounts.snapshot()).thenReturn(new AdjustmentAccounts.Mapping(Map.of("*|*|CO|*", "4110"), Map.of()));
    when(ledgerRepository.claimLedger(any())).thenReturn(LedgerRepository.ClaimLedger.EMPTY);
  }
  private final UUID claimId = UUID.randomUUID();
  private final UUID remittanceId = UUID.randomUUID();

  private static BigDecimal usd(String amount) {
    return new BigDecimal(amount);
  }

  private JournalEntry post(String status, String charge, String paid, String pr, List<ClaimAdjudication.Adjustment> cas) {
    ClaimAdjudication a = new ClaimAdjudication("RC1", "CMA", "CMA1", status, usd(charge), usd(paid), usd(pr), cas,
        List.of(), LocalDate.of(2026, 11, 20), "TRN1");
    assertThat(a.balances()).isTrue();
    when(remittances.load(remittanceId)).thenReturn(new RemittanceRepository.StoredRemittance(remittanceId, claimId, a, false));
    when(ledger.post(any())).thenReturn(new Ledger.PostingResult(UUID.randomUUID(), true));
    posting.post(claimId, remittanceId);
    ArgumentCaptor<JournalEntry> entry = ArgumentCaptor.forClass(JournalEntry.class);
    verify(ledger).post(entry.capture());
    return entry.getValue();
  }

  private static String sides(JournalEntry e) {
    return e.lines().stream()
        .map(l -> (l.debit().signum() > 0 ? "Dr " + l.accountCode() + " " + l.debit() : "Cr " + l.accountCode() + " " + l.credit()))
        .reduce((x, y) -> x + ", " + y).orElse("");
  }

  @Test
  void paymentContractualAndPatientShareClearTheInsuranceReceivable() {
    JournalEntry e = post("1", "249.50", "130.00", "30.00", List.of(
        new ClaimAdjudication.Adjustment("CO", "45", usd("89.50")),
        new ClaimAdjudication.Adjustment("PR", "3", usd("30.00"))));
    assertThat(sides(e)).isEqualTo("Dr 1010 130.00, Dr 4110 89.50, Dr 1120 30.00, Cr 1110 249.50");
  }

  @Test
  void aReversalUndoesThePostingOnTheOtherSides() {
    JournalEntry e = post("22", "-249.50", "-130.00", "-30.00", List.of(
        new ClaimAdjudication.Adjustment("CO", "45", usd("-89.50")),
        new ClaimAdjudication.Adjustment("PR", "3", usd("-30.00"))));
    assertThat(sides(e)).isEqualTo("Cr 1010 130.00, Cr 4110 89.50, Cr 1120 30.00, Dr 1110 249.50");
  }

  @Test
  void mixedSignsStillBalance() {
    JournalEntry e = post("1", "100.00", "90.00", "-5.00", List.of(
        new ClaimAdjudication.Adjustment("CO", "45", usd("15.00")),
        new ClaimAdjudication.Adjustment("PR", "2", usd("-5.00"))));
    BigDecimal debits = e.lines().stream().map(JournalLine::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal credits = e.lines().stream().map(JournalLine::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(debits).isEqualByComparingTo(credits);
    assertThat(sides(e)).contains("Cr 1120 5.00", "Cr 1110 100.00");
  }

  @Test
  void aLineDeniedInAPaidClaimGoesToDenialManagementAndAPatientShareAloneIsNoDenial() {
    ClaimAdjudication.Adjustment co45 = new ClaimAdjudication.Adjustment("CO", "45", usd("30.00"));
    ClaimAdjudication.Adjustment co96 = new ClaimAdjudication.Adjustment("CO", "96", usd("80.00"));
    ClaimAdjudication.Adjustment deductible = new ClaimAdjudication.Adjustment("PR", "1", usd("40.00"));
    ClaimAdjudication.ServiceLine paid = new ClaimAdjudication.ServiceLine(1, 1, "SVC 1 99214", null, "99214",
        usd("150.00"), usd("120.00"), List.of(co45));
    ClaimAdjudication.ServiceLine denied = new ClaimAdjudication.ServiceLine(2, 2, "SVC 2 80053", null, "80053",
        usd("80.00"), usd("0.00"), List.of(co96));
    ClaimAdjudication.ServiceLine toThePatient = new ClaimAdjudication.ServiceLine(3, 3, "SVC 3 36415", null, "36415",
        usd("40.00"), usd("0.00"), List.of(deductible));
    ClaimAdjudication a = new ClaimAdjudication("RC1", "CMA", "CMA1", "1", usd("270.00"), usd("120.00"), usd("40.00"),
        List.of(co45, co96, deductible), List.of("N130"), LocalDate.of(2026, 11, 20), "TRN1", List.of(paid, denied, toThePatient));
    assertThat(a.balances()).isTrue();
    assertThat(a.deniedLines()).containsExactly(denied);
    when(remittances.load(remittanceId)).thenReturn(new RemittanceRepository.StoredRemittance(remittanceId, claimId, a, false));
    when(ledger.post(any())).thenReturn(new Ledger.PostingResult(UUID.randomUUID(), true));

    RemittancePosting.Outcome outcome = posting.post(claimId, remittanceId);
    assertThat(outcome.denied()).isTrue();
    assertThat(outcome.denialSummary()).contains("SVC 2 80053 (claim line 2)", "CO-96 80.00").doesNotContain("SVC 3");
    assertThat(outcome.denialExplanation()).contains("denied one line", "CO-96: Non-covered charge").doesNotContain("CO-45");
    // the paid part posts as usual
    verify(ledger).post(any());

    // the same lines with no denial: a paid claim, no denial
    ClaimAdjudication clean = new ClaimAdjudication("RC1", "CMA", "CMA1", "1", usd("190.00"), usd("120.00"), usd("40.00"),
        List.of(co45, deductible), List.of(), LocalDate.of(2026, 11, 20), "TRN1", List.of(paid, toThePatient));
    assertThat(clean.deniedLines()).isEmpty();
    // a denied claim is a claim denial, not line denials
    assertThat(new ClaimAdjudication("RC1", "CMA", "CMA1", "4", usd("80.00"), usd("0.00"), usd("0.00"), List.of(co96),
        List.of(), LocalDate.of(2026, 11, 20), "TRN1", List.of(denied)).deniedLines()).isEmpty();
  }

  @Test
  void aDenialMovesNoMoney() {
    ClaimAdjudication a = new ClaimAdjudication("RC1", "CMA", "CMA1", "4", usd("249.50"), usd("0.00"), usd("0.00"),
        List.of(new ClaimAdjudication.Adjustment("CO", "50", usd("249.50"))), List.of(), LocalDate.of(2026, 11, 20), "TRN1");
    when(remittances.load(remittanceId)).thenReturn(new RemittanceRepository.StoredRemittance(remittanceId, claimId, a, false));
    RemittancePosting.Outcome outcome = posting.post(claimId, remittanceId);
    assertThat(outcome.denied()).isTrue();
    assertThat(outcome.denialSummary()).contains("CO-50 249.50");
    verify(ledger, never()).post(any());
  }

  @Test
  void theMappingChoosesTheAccountMostSpecificFirst() {
    assertThat(MAPPING.accountFor("CMA", "COMMERCIAL", "CO", "45")).isEqualTo("4111X");
    assertThat(MAPPING.accountFor("CMB", "COMMERCIAL", "CO", "45")).isEqualTo("4110");
    assertThat(MAPPING.accountFor("MCR", "MEDICARE", "CO", "253")).isEqualTo("4130");
    assertThat(MAPPING.accountFor("CMB", "COMMERCIAL", "CO", "253")).isEqualTo("4110");
    assertThat(MAPPING.accountFor("CMB", "COMMERCIAL", "CO", "29")).isEqualTo("4120");
    assertThat(MAPPING.accountFor("CMB", "COMMERCIAL", "OA", "94")).isEqualTo("4130");
    assertThat(MAPPING.providerAdjustmentAccount("L6")).isEqualTo("4510");
    assertThat(MAPPING.providerAdjustmentAccount("ZZ")).as("unknown PLB reasons wait in unapplied cash").isEqualTo("2110");
  }

  @Test
  void eachCasGroupReasonIsALineWithItsSourceAndItsMappedAccount() {
    ClaimAdjudication a = new ClaimAdjudication("RC1", "CMB", "CMB1", "1", usd("300.00"), usd("150.00"), usd("20.00"),
        List.of(new ClaimAdjudication.Adjustment("CO", "45", usd("100.00")),
            new ClaimAdjudication.Adjustment("CO", "29", usd("30.00")),
            new ClaimAdjudication.Adjustment("PR", "2", usd("20.00"))), List.of(), LocalDate.of(2026, 11, 20), "TRN9");
    UUID fileId = UUID.randomUUID();
    JournalEntry e = RemittanceEntries.forClaim(remittanceId, claimId, a, false, "COMMERCIAL", MAPPING, fileId).orElseThrow();
    assertThat(sides(e)).isEqualTo("Dr 1010 150.00, Dr 4110 100.00, Dr 4120 30.00, Dr 1120 20.00, Cr 1110 300.00");
    assertThat(e.lines()).extracting(JournalLine::sourceCode).containsExactly("PAID", "CO-45", "CO-29", "PR", "CLP");
    assertThat(e.sourceFileId()).isEqualTo(fileId);
    assertThat(e.traceNumber()).isEqualTo("TRN9");
    assertThat(e.sourceRef()).isEqualTo("TRN9/RC1/CMB1");
    assertThat(e.idempotencyKey()).isEqualTo("remit:" + remittanceId);
  }

  @Test
  void aSecondaryPaymentAfterThePrimaryTakesDownThePatientsShareAndSkipsThePriorPayersPart() {
    // primary paid 60, CO-45 20, PR 20; the secondary pays 15 and writes off 5 of the patient's 20
    ClaimAdjudication secondary = new ClaimAdjudication("RC1", "CMB", "CMB2", "2", usd("100.00"), usd("15.00"), usd("0.00"),
        List.of(new ClaimAdjudication.Adjustment("OA", "23", usd("80.00")),
            new ClaimAdjudication.Adjustment("CO", "45", usd("5.00"))), List.of(), LocalDate.of(2026, 11, 25), "TRN2");
    assertThat(secondary.balances()).isTrue();
    JournalEntry e = RemittanceEntries.forClaim(remittanceId, claimId, secondary, true, "COMMERCIAL", MAPPING, null).orElseThrow();
    assertThat(sides(e)).isEqualTo("Dr 1010 15.00, Dr 4110 5.00, Cr 1120 20.00");
  }

  @Test
  void anUnmatchedPaymentWaitsInUnappliedCashAndIsReleasedOnceApplied() {
    ClaimAdjudication a = new ClaimAdjudication("NOT-OURS", "CMB", "CMB3", "1", usd("80.00"), usd("50.00"), usd("0.00"),
        List.of(new ClaimAdjudication.Adjustment("CO", "45", usd("30.00"))), List.of(), LocalDate.of(2026, 11, 25), "TRN3");
    assertThat(sides(RemittanceEntries.unapplied(remittanceId, a, null).orElseThrow())).isEqualTo("Dr 1010 50.00, Cr 2110 50.00");
    assertThat(sides(RemittanceEntries.release(remittanceId, a, "billing").orElseThrow())).isEqualTo("Dr 2110 50.00, Cr 1010 50.00");
    assertThat(RemittanceEntries.unapplied(remittanceId, new ClaimAdjudication("X", "CMB", "", "4", usd("10.00"), usd("0.00"),
        usd("0.00"), List.of(new ClaimAdjudication.Adjustment("CO", "50", usd("10.00"))), List.of(), LocalDate.of(2026, 11, 25),
        "TRN3"), null)).isEqualTo(Optional.empty());
  }
}
