package org.revcycle.remittance.deposit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.revcycle.ledger.Money;
import org.revcycle.platform.InvalidInputException;
import org.revcycle.remittance.deposit.BankDepositRepository.Deposit;
import org.revcycle.remittance.deposit.BankDepositRepository.MatchStatus;
import org.revcycle.remittance.deposit.BankDepositRepository.Payment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cash reconciliation: bank deposits (from BAI2 files or the API) matched to 835 payments by the
 * EFT/check trace number (TRN02) and the amount (BPR02). A deposit that does not match goes to
 * finance as a "Reconcile deposit" task.
 */
@Service
public class BankDeposits {

  /** The TRN reassociation segment a bank copies from the CCD+ addenda into the 16 record's text. */
  private static final Pattern TRN_IN_TEXT = Pattern.compile("TRN\\*1\\*([^*\\\\~/]+)");

  private final BankDepositRepository repository;
  private final DepositReconciliationWorkflow workflow;
  private final Clock clock;

  public BankDeposits(BankDepositRepository repository, DepositReconciliationWorkflow workflow, Clock clock) {
    this.repository = repository;
    this.workflow = workflow;
    this.clock = clock;
  }

  public record Imported(List<Deposit> deposits, int alreadyKnown) {}

  /** A whole BAI2 file, or nothing of it: every credit becomes a deposit, matched or queued for finance. */
  @Transactional
  public Imported importBai2(byte[] content) {
    Bai2Parser.Bai2File file = Bai2Parser.parse(content);
    List<Deposit> taken = new ArrayList<>();
    int known = 0;
    for (Bai2Parser.Credit credit : file.credits()) {
      String reference = credit.bankReference() != null ? credit.bankReference()
          : file.fileId() + "/" + credit.recordNumber();
      Deposit deposit = new Deposit(UUID.randomUUID(), "bai2:" + credit.accountNumber(), reference, credit.asOfDate(),
          credit.amount(), traceNumber(credit), credit.typeCode(), MatchStatus.UNMATCHED, null, null, null);
      Optional<Deposit> recorded = take(deposit);
      if (recorded.isPresent()) {
        taken.add(recorded.get());
      } else {
        known++;
      }
    }
    return new Imported(taken, known);
  }

  /** One deposit reported on the API (a lockbox, a bank portal); the same bank reference again changes nothing. */
  @Transactional
  public Imported record(String source, String bankReference, LocalDate depositDate, BigDecimal amount,
      String traceNumber) {
    BigDecimal cents = Money.of(amount, "amount");
    if (cents.signum() <= 0) {
      throw new InvalidInputException("amount", "A deposit is a positive amount.");
    }
    Deposit deposit = new Deposit(UUID.randomUUID(), source, bankReference, depositDate, cents,
        traceNumber == null || traceNumber.isBlank() ? null : traceNumber.strip(), null, MatchStatus.UNMATCHED, null,
        null, null);
    Optional<Deposit> recorded = take(deposit);
    return recorded.map(d -> new Imported(List.of(d), 0))
        .orElseGet(() -> new Imported(List.of(repository.find(source, bankReference).orElseThrow()), 1));
  }

  private Optional<Deposit> take(Deposit deposit) {
    if (!repository.insertIfNew(deposit, clock.instant())) {
      return Optional.empty();
    }
    MatchStatus status = match(deposit.id());
    if (status != MatchStatus.MATCHED) {
      workflow.startReconciliation(deposit.id());
    }
    return repository.find(deposit.id());
  }

  /** Tries the deposit against the open 835 payments with its trace number; the amount decides matched or mismatch. */
  @Transactional
  public MatchStatus match(UUID depositId) {
    Deposit deposit = repository.find(depositId).orElseThrow();
    if (deposit.matchStatus() == MatchStatus.MATCHED || deposit.matchStatus() == MatchStatus.ACCEPTED
        || deposit.matchStatus() == MatchStatus.NOT_REMITTANCE) {
      return deposit.matchStatus();
    }
    List<String> traces = new ArrayList<>();
    if (deposit.traceNumber() != null) {
      traces.add(deposit.traceNumber());
    }
    traces.add(deposit.bankReference());
    Payment mismatch = null;
    for (String trace : traces) {
      for (Payment payment : repository.openPayments(trace)) {
        if (payment.amount() != null && payment.amount().compareTo(deposit.amount()) == 0) {
          repository.setMatch(depositId, MatchStatus.MATCHED, payment.fileId(), "system", null, clock.instant());
          return MatchStatus.MATCHED;
        }
        mismatch = mismatch == null ? payment : mismatch;
      }
    }
    if (mismatch != null) {
      repository.setMatch(depositId, MatchStatus.AMOUNT_MISMATCH, mismatch.fileId(), "system",
          "835 " + mismatch.traceNumber() + " paid " + mismatch.amount() + ", the bank deposited " + deposit.amount(),
          clock.instant());
      return MatchStatus.AMOUNT_MISMATCH;
    }
    return MatchStatus.UNMATCHED;
  }

  /** Matches the deposits still waiting for this 835's trace number; closes the task of each that matches. */
  @Transactional
  public void matchWaitingDeposits(UUID fileId) {
    Optional<Payment> payment = repository.payment(fileId);
    if (payment.isEmpty() || payment.get().traceNumber() == null) {
      return;
    }
    for (UUID depositId : repository.waitingFor(payment.get().traceNumber())) {
      if (match(depositId) == MatchStatus.MATCHED) {
        workflow.paymentMatched(depositId);
      }
    }
  }

  /** What finance decided on a "Reconcile deposit" task; empty when done, else why not (the task comes back). */
  @Transactional
  public Optional<String> resolve(UUID depositId, String decision, String traceNumber, String note, String user) {
    Deposit deposit = repository.find(depositId).orElseThrow();
    switch (decision == null ? "" : decision) {
      case "RETRY_MATCH" -> {
        MatchStatus status = match(depositId);
        return status == MatchStatus.MATCHED ? Optional.empty()
            : Optional.of("Still no 835 payment with trace number " + deposit.traceNumber() + " and amount "
                + deposit.amount() + ".");
      }
      case "MATCH_TO_TRACE" -> {
        if (traceNumber == null || traceNumber.isBlank()) {
          return Optional.of("Enter the trace number (TRN02) of the 835 this deposit pays.");
        }
        List<Payment> payments = repository.openPayments(traceNumber.strip());
        if (payments.isEmpty()) {
          return Optional.of("No open 835 payment has trace number " + traceNumber.strip() + ".");
        }
        Payment payment = payments.get(0);
        MatchStatus status = payment.amount().compareTo(deposit.amount()) == 0 ? MatchStatus.MATCHED
            : MatchStatus.ACCEPTED;
        repository.setMatch(depositId, status, payment.fileId(), user, note, clock.instant());
        return Optional.empty();
      }
      case "ACCEPT_MISMATCH" -> {
        if (deposit.matchStatus() != MatchStatus.AMOUNT_MISMATCH) {
          return Optional.of("There is no amount difference to accept: the deposit matches no 835 yet.");
        }
        if (note == null || note.isBlank()) {
          return Optional.of("Say why the difference is accepted (a note is required).");
        }
        repository.setMatch(depositId, MatchStatus.ACCEPTED, deposit.matchedFileId(), user, note, clock.instant());
        return Optional.empty();
      }
      case "NOT_REMITTANCE" -> {
        if (note == null || note.isBlank()) {
          return Optional.of("Say what the deposit is (a note is required).");
        }
        repository.setMatch(depositId, MatchStatus.NOT_REMITTANCE, null, user, note, clock.instant());
        return Optional.empty();
      }
      default -> {
        return Optional.of("Choose: match again, match to a trace number, accept the difference, or not an 835 payment.");
      }
    }
  }

  /** The summary a person sees on the task: amounts and references, no patient data (deposits carry none). */
  /** The deposit's amount: what is at stake when it waits for reconciliation. */
  public java.math.BigDecimal amount(UUID depositId) {
    return repository.find(depositId).map(BankDepositRepository.Deposit::amount).orElse(java.math.BigDecimal.ZERO);
  }

  public String describe(UUID depositId) {
    Deposit d = repository.find(depositId).orElseThrow();
    StringBuilder s = new StringBuilder()
        .append("Deposit ").append(d.amount()).append(" on ").append(d.depositDate())
        .append(", bank reference ").append(d.bankReference()).append(" (").append(d.source()).append(")")
        .append("\nTrace number: ").append(d.traceNumber() == null ? "none" : d.traceNumber())
        .append("\nStatus: ").append(d.matchStatus());
    if (d.resolutionNote() != null) {
      s.append("\n").append(d.resolutionNote());
    }
    return s.toString();
  }

  public record Unreconciled(List<Deposit> deposits, List<Deposit> amountMismatches, List<Payment> remittancesWithoutDeposit) {}

  public Unreconciled unreconciled() {
    List<Deposit> open = repository.unreconciledDeposits();
    return new Unreconciled(
        open.stream().filter(d -> d.matchStatus() == MatchStatus.UNMATCHED).toList(),
        open.stream().filter(d -> d.matchStatus() == MatchStatus.AMOUNT_MISMATCH).toList(),
        repository.paymentsWithoutDeposit());
  }

  /** The trace number of an EFT: the TRN in the addenda text when the bank passes it on, else the customer reference. */
  static String traceNumber(Bai2Parser.Credit credit) {
    if (credit.text() != null) {
      Matcher trn = TRN_IN_TEXT.matcher(credit.text());
      if (trn.find()) {
        return trn.group(1).strip();
      }
    }
    return credit.customerReference();
  }
}
