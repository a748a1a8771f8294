package org.revcycle.denial;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.revcycle.claim.ClaimRepository;
import org.revcycle.claim.ClaimStatus;
import org.revcycle.ledger.Accounts;
import org.revcycle.ledger.JournalEntry;
import org.revcycle.ledger.JournalLine;
import org.revcycle.ledger.Ledger;
import org.revcycle.ledger.LedgerRepository;
import org.revcycle.workqueue.WorkQueueRouter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a denial analyst decided: write the balance off, or correct and send a replacement claim. */
@Service
public class DenialResolution {

  static final String DENIAL_ANALYSTS = "denial-analysts";

  private final ClaimRepository claims;
  private final Ledger ledger;
  private final LedgerRepository ledgerRepository;
  private final WorkQueueRouter router;
  private final DenialManagement management;
  private final Clock clock;

  public DenialResolution(ClaimRepository claims, Ledger ledger, LedgerRepository ledgerRepository,
      WorkQueueRouter router, DenialManagement management, Clock clock) {
    this.claims = claims;
    this.management = management;
    this.ledger = ledger;
    this.ledgerRepository = ledgerRepository;
    this.router = router;
    this.clock = clock;
  }

  /**
   * The whole insurance balance goes to denial write-offs, once.
   *
   * @param patientControlNumber the process's business key: the claim must be that one, so a
   *     variable changed on a task cannot point the write-off at another claim
   */
  @Transactional
  public BigDecimal writeOff(UUID claimId, String patientControlNumber, String decidedBy, String note) {
    requireSameClaim(claimId, patientControlNumber);
    var lineDenial = management.latestOpen(claimId).filter(DenialRepository.Denial::ofLines);
    if (lineDenial.isPresent()) {
      return writeOffLines(claimId, lineDenial.get(), decidedBy, note);
    }
    BigDecimal balance = ledgerRepository.claimLedger(claimId).net(Accounts.AR_INSURANCE);
    Instant now = clock.instant();
    String pcn = claims.patientControlNumber(claimId);
    if (balance.signum() > 0) {
      ledger.post(new JournalEntry(UUID.randomUUID(), LocalDate.now(clock), "Denial write-off for claim " + pcn,
          "DENIAL_WRITE_OFF", pcn, claimId, decidedBy == null ? "system" : decidedBy, "writeoff:" + claimId,
          List.of(JournalLine.debit(Accounts.DENIAL_WRITE_OFFS, balance, note),
              JournalLine.credit(Accounts.AR_INSURANCE, balance, note))));
    }
    claims.updateStatus(claimId, ClaimStatus.WRITTEN_OFF, now);
    management.resolveLatest(claimId, "WRITTEN_OFF", BigDecimal.ZERO.setScale(2), decidedBy);
    claims.addEvent(claimId, "DENIAL", "WRITTEN_OFF", "balance " + balance + (note == null ? "" : ": " + note),
        decidedBy == null ? "system" : decidedBy, now);
    return balance;
  }

  /**
   * A denial of lines in a paid claim: the 835 already took the denied lines off the receivable,
   * to the accounts finance mapped their CAS codes to (CO-96 and CO-97 to contractual allowances,
   * for instance). Writing the denial off gives that money up as a denial, so it moves to denial
   * write-offs, where finance reports denials; whatever is still open with the payer on those lines
   * is written off too. The claim keeps its status, since the rest of it was paid.
   */
  private BigDecimal writeOffLines(UUID claimId, DenialRepository.Denial denial, String decidedBy, String note) {
    Instant now = clock.instant();
    String pcn = claims.patientControlNumber(claimId);
    var byLine = ledgerRepository.claimLineLedgers(claimId);
    List<String> denialCodes = denial.reasonCodes().stream().map(reason -> denial.groupCode() + "-" + reason).toList();
    List<JournalLine> lines = new java.util.ArrayList<>();
    BigDecimal open = BigDecimal.ZERO.setScale(2);
    BigDecimal moved = BigDecimal.ZERO.setScale(2);
    for (String number : denial.claimLines() == null ? new String[0] : denial.claimLines().split(",")) {
      if (!number.matches("\\d+")) {
        continue;
      }
      int line = Integer.parseInt(number);
      String memo = "denied line " + line;
      for (var posted : ledgerRepository.lineAdjustments(claimId, line, denialCodes)) {
        if (posted.net().signum() > 0 && !Accounts.DENIAL_WRITE_OFFS.equals(posted.controlAccount())) {
          lines.add(JournalLine.signed(Accounts.DENIAL_WRITE_OFFS, posted.net(), memo, "DENIAL_WRITE_OFF", line, null, null));
          lines.add(JournalLine.signed(posted.accountCode(), posted.net().negate(), memo, "DENIAL_WRITE_OFF", line, null,
              null));
          moved = moved.add(posted.net());
        }
      }
      var ledgerOfLine = byLine.get(line);
      BigDecimal openOnLine = ledgerOfLine == null ? BigDecimal.ZERO : ledgerOfLine.net(Accounts.AR_INSURANCE);
      if (openOnLine.signum() > 0) {
        lines.add(JournalLine.signed(Accounts.DENIAL_WRITE_OFFS, openOnLine, memo, "DENIAL_WRITE_OFF", line, null, null));
        lines.add(JournalLine.signed(Accounts.AR_INSURANCE, openOnLine.negate(), memo, "DENIAL_WRITE_OFF", line,
            null, null));
        open = open.add(openOnLine);
      }
    }
    if (!lines.isEmpty()) {
      ledger.post(new JournalEntry(UUID.randomUUID(), LocalDate.now(clock), "Denial write-off of lines of claim " + pcn,
          "DENIAL_WRITE_OFF", pcn, claimId, decidedBy == null ? "system" : decidedBy, "writeoff:" + denial.id(), lines));
    }
    management.resolveLatest(claimId, "WRITTEN_OFF", BigDecimal.ZERO.setScale(2), decidedBy);
    claims.addEvent(claimId, "DENIAL", "WRITTEN_OFF", "denied lines " + denial.claimLines() + " (" + denial.deniedAmount()
        + " denied): " + moved + " moved to denial write-offs from the accounts the 835 posted it to, open balance written off "
        + open + (note == null ? "" : ": " + note), decidedBy == null ? "system" : decidedBy, now);
    return moved.add(open);
  }

  /** How much a write-off would take off, and who must approve it (decisions/work-queue-routing.dmn). */
  public record WriteOffRoute(BigDecimal amount, boolean approvalNeeded, WorkQueueRouter.Route route) {}

  @Transactional
  public WriteOffRoute routeWriteOff(UUID claimId, String patientControlNumber) {
    requireSameClaim(claimId, patientControlNumber);
    // denied lines of a paid claim: what the payer denied is what is given up, whatever the 835 already posted
    BigDecimal balance = management.latestOpen(claimId).filter(DenialRepository.Denial::ofLines)
        .map(DenialRepository.Denial::deniedAmount)
        .orElseGet(() -> ledgerRepository.claimLedger(claimId).net(Accounts.AR_INSURANCE));
    WorkQueueRouter.Route route = router.route(claimId, "WRITE_OFF", balance);
    // the analyst's own queue may decide; any other queue must approve first
    return new WriteOffRoute(balance, !DENIAL_ANALYSTS.equals(route.queue()), route);
  }

  /** The corrected claim goes out as a replacement (CLM05-3 = 7) of the payer's claim. */
  @Transactional
  public void prepareReplacement(UUID claimId, String patientControlNumber, String decidedBy, String note) {
    requireSameClaim(claimId, patientControlNumber);
    String payerClaimNumber = claims.summary(claimId).orElseThrow().payerClaimNumber();
    claims.markReplacement(claimId, payerClaimNumber);
    Instant now = clock.instant();
    claims.updateStatus(claimId, ClaimStatus.READY, now);
    // what the replacement recovers is known when the payer pays it
    management.resolveLatest(claimId, "RESUBMITTED", null, decidedBy);
    claims.addEvent(claimId, "DENIAL", "RESUBMIT", "replacement of payer claim " + payerClaimNumber
        + (note == null ? "" : ": " + note), decidedBy == null ? "system" : decidedBy, now);
  }

  private void requireSameClaim(UUID claimId, String patientControlNumber) {
    if (!claims.patientControlNumber(claimId).equals(patientControlNumber)) {
      throw new IllegalStateException("Claim " + claimId + " is not the claim of process " + patientControlNumber);
    }
  }
}
