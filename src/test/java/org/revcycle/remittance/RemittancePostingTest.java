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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.revcycle.claim.ClaimRepository;
import org.revcycle.workqueue.WorkQueueRouter;
import org.revcycle.ledger.JournalEntry;
import org.revcycle.ledger.JournalLine;
import org.revcycle.ledger.Ledger;

/** Which accounts a payer's decision moves, and that every entry balances, reversals included. */
class RemittancePostingTest {

  private final RemittanceRepository remittances = mock(RemittanceRepository.class);
  private final Ledger ledger = mock(Ledger.class);
  private final RemittancePosting posting =
      new RemittancePosting(remittances, mock(ClaimRepository.class), ledger, mock(WorkQueueRouter.class), Clock.systemUTC());
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
  void aDenialMovesNoMoney() {
    ClaimAdjudication a = new ClaimAdjudication("RC1", "CMA", "CMA1", "4", usd("249.50"), usd("0.00"), usd("0.00"),
        List.of(new ClaimAdjudication.Adjustment("CO", "50", usd("249.50"))), List.of(), LocalDate.of(2026, 11, 20), "TRN1");
    when(remittances.load(remittanceId)).thenReturn(new RemittanceRepository.StoredRemittance(remittanceId, claimId, a, false));
    RemittancePosting.Outcome outcome = posting.post(claimId, remittanceId);
    assertThat(outcome.denied()).isTrue();
    assertThat(outcome.denialSummary()).contains("CO-50 249.50");
    verify(ledger, never()).post(any());
  }
}
