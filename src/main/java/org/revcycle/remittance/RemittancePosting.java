package org.revcycle.remittance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.revcycle.claim.ClaimRepository;
import org.revcycle.claim.ClaimStatus;
import org.revcycle.ledger.AdjustmentAccounts;
import org.revcycle.ledger.JournalEntry;
import org.revcycle.ledger.JournalLine;
import org.revcycle.ledger.Accounts;
import org.revcycle.ledger.Ledger;
import org.revcycle.ledger.LedgerRepository;
import org.revcycle.ledger.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A payer's decision as the claim's own process takes it: posted to the receivables ledger exactly
 * once (usually already done by the 835 file's posting, see {@link RemittanceEntries}), then the
 * claim's status and timeline. A denial moves no money: the balance waits in insurance receivables
 * for review.
 */
@Service
public class RemittancePosting {

  private final RemittanceRepository remittances;
  private final ClaimRepository claims;
  private final Ledger ledger;
  private final AdjustmentAccounts adjustmentAccounts;
  private final Clock clock;
  private final OtherCoverages coverages;
  private final LedgerRepository ledgerRepository;
  private final ApplicationEventPublisher events;

  public RemittancePosting(RemittanceRepository remittances, ClaimRepository claims, Ledger ledger,
      AdjustmentAccounts adjustmentAccounts, Clock clock, OtherCoverages coverages,
      LedgerRepository ledgerRepository, ApplicationEventPublisher events) {
    this.events = events;
    this.coverages = coverages;
    this.ledgerRepository = ledgerRepository;
    this.remittances = remittances;
    this.claims = claims;
    this.ledger = ledger;
    this.adjustmentAccounts = adjustmentAccounts;
    this.clock = clock;
  }

  /** Posted, or denied with the codes in plain words; denial management decides who works a denial. */
  public record Outcome(boolean denied, boolean patientOwes, String denialSummary, String denialExplanation) {}

  @Transactional
  public Outcome post(UUID claimId, UUID remittanceId) {
    RemittanceRepository.StoredRemittance stored = remittances.load(remittanceId);
    if (!claimId.equals(stored.claimId())) {
      throw new IllegalStateException("Remittance " + remittanceId + " is not for claim " + claimId);
    }
    ClaimAdjudication a = stored.adjudication();
    Instant now = clock.instant();
    claims.setPayerClaimNumber(claimId, a.payerClaimNumber());
    // what the payer paid after a denial was worked is that denial's recovery (denial/)
    events.publishEvent(new ClaimRemittanceTaken(claimId, remittanceId, a.denied()));
    if (a.denied()) {
      remittances.markPosted(remittanceId, now);
      claims.updateStatus(claimId, ClaimStatus.DENIED, now);
      claims.addEvent(claimId, "POSTING", "DENIAL_RECORDED", describe(a), "system", now);
      return new Outcome(true, false, describe(a), DenialReasonCodes.explain(a));
    }
    // the file's posting usually got here first: the same idempotency key posts once
    RemittanceEntries.forClaim(remittanceId, claimId, a,
        RemittanceEntries.Receivables.of(stored.followOn(), a.statusCode(), a.payerId(), coverages.payersAfterPrimary(claimId)),
        remittances.payerClassOf(claimId), adjustmentAccounts.snapshot(), stored.fileId()).ifPresent(ledger::post);
    BigDecimal contractual = sum(a, false);
    BigDecimal patient = sum(a, true);
    remittances.markPosted(remittanceId, now);
    claims.updateStatus(claimId, ClaimStatus.PAID, now);
    claims.addEvent(claimId, "POSTING", "POSTED", "paid " + a.paid() + ", contractual " + contractual
        + ", patient " + patient, "system", now);
    // what the patient owes after every decision on the claim (lines paid in several files, secondary payers), not this one's PR
    boolean patientOwes = ledgerRepository.claimLedger(claimId).net(Accounts.AR_PATIENT).signum() > 0;
    List<ClaimAdjudication.ServiceLine> deniedLines = a.deniedLines();
    if (!deniedLines.isEmpty()) {
      // paid, but the payer denied some lines: those go to denial management like a denied claim
      // (their CAS posted like any adjustment above; a replacement or a reprocessing reverses it)
      String summary = "Lines denied in a paid claim: " + deniedLines.stream().map(RemittancePosting::describe)
          .collect(Collectors.joining("; ")) + "; claim " + describe(a);
      claims.addEvent(claimId, "POSTING", "LINE_DENIAL_RECORDED", summary.length() > 500 ? summary.substring(0, 500) : summary,
          "system", now);
      return new Outcome(true, patientOwes, summary, DenialReasonCodes.explainLines(a, deniedLines));
    }
    return new Outcome(false, patientOwes, null, null);
  }

  /**
   * The payer's claim status (277 F2) says denied and no 835 has come: no money moves, and the
   * denial goes to denial management with the status text in place of reason codes.
   */
  @Transactional
  public Outcome deniedOnClaimStatus(UUID claimId, String statusReport) {
    Instant now = clock.instant();
    claims.updateStatus(claimId, ClaimStatus.DENIED, now);
    claims.addEvent(claimId, "POSTING", "DENIAL_ON_CLAIM_STATUS", "no remittance; claim status " + statusReport, "system", now);
    return new Outcome(true, false, "277 claim status " + statusReport, "The payer's claim status (277) says the claim"
        + " was finalized as denied, and no remittance (835) with the reason codes has arrived. Ask the payer for the"
        + " reason or the remittance, then correct and resubmit, appeal, or write off.");
  }

  public String denialSummary(UUID claimId) {
    return remittances.latestFor(claimId).map(id -> describe(remittances.load(id).adjudication())).orElse("");
  }

  static String describe(ClaimAdjudication a) {
    String cas = a.adjustments().stream().map(adj -> adj.groupCode() + "-" + adj.reasonCode() + " " + adj.amount())
        .collect(Collectors.joining(", "));
    String remarks = a.remarkCodes().isEmpty() ? "" : "; remarks " + String.join(", ", a.remarkCodes());
    return "CLP02 " + a.statusCode() + ", paid " + a.paid() + ", adjustments " + cas + remarks;
  }

  /** One denied line in words: its SVC reference, claim line, charge and the denial's CAS. */
  static String describe(ClaimAdjudication.ServiceLine line) {
    return line.reference() + (line.claimLineNumber() == null ? "" : " (claim line " + line.claimLineNumber() + ")")
        + ", charge " + line.charge() + ", paid " + line.paid() + ", " + ClaimAdjudication.denialAdjustments(line).stream()
            .map(adj -> adj.groupCode() + "-" + adj.reasonCode() + " " + adj.amount()).collect(Collectors.joining(", "));
  }

  private static BigDecimal sum(ClaimAdjudication a, boolean patientResponsibility) {
    return a.adjustments().stream()
        .filter(adj -> "PR".equals(adj.groupCode()) == patientResponsibility)
        .map(ClaimAdjudication.Adjustment::amount)
        .reduce(Money.ZERO, BigDecimal::add);
  }

  private static String codes(ClaimAdjudication a, boolean patientResponsibility) {
    return a.adjustments().stream()
        .filter(adj -> "PR".equals(adj.groupCode()) == patientResponsibility)
        .map(adj -> adj.groupCode() + "-" + adj.reasonCode())
        .distinct()
        .collect(Collectors.joining(","));
  }
}
