package org.revcycle.claim;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.revcycle.ledger.Accounts;
import org.revcycle.ledger.JournalEntry;
import org.revcycle.ledger.JournalLine;
import org.revcycle.ledger.Ledger;
import org.revcycle.ledger.LedgerRepository;
import org.revcycle.platform.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Voids a claim billed in error (wrong patient, wrong payer, services not rendered) that the payer
 * has adjudicated: it goes out again as frequency 8 with the payer's claim number, through the same
 * claim submission, and is VOIDED when the payer's reversal (CLP02 22) has posted and the charge
 * that reversal leaves open is reversed against revenue.
 */
@Service
public class ClaimVoids {

  /** Where a claim stands once the payer has decided on it (paid, denied, billed to the patient, closed). */
  private static final Set<ClaimStatus> ADJUDICATED = Set.of(ClaimStatus.PAID, ClaimStatus.DENIED,
      ClaimStatus.PATIENT_BILLED, ClaimStatus.CLOSED, ClaimStatus.WRITTEN_OFF);

  /** Why a claim cannot be voided now. */
  public static class NotVoidable extends RuntimeException {
    public NotVoidable(String message) {
      super(message);
    }
  }

  private final ClaimRepository claims;
  private final Ledger ledger;
  private final LedgerRepository ledgerRepository;
  private final ClaimSubmissionWorkflow workflow;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  public ClaimVoids(ClaimRepository claims, Ledger ledger, LedgerRepository ledgerRepository, ClaimSubmissionWorkflow workflow,
      JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
    this.events = events;
    this.claims = claims;
    this.ledger = ledger;
    this.ledgerRepository = ledgerRepository;
    this.workflow = workflow;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Sends the void: records who asked and why, sets frequency 8 with the payer's claim number, ends
   * what the claim's own process still waits for (an open denial review has nothing left to work),
   * and starts claim-void, whose claim submission queues it for the payer's next batch.
   *
   * @return the claim as it now stands (VOIDING)
   * @throws InvalidInputException when the reason is missing
   * @throws NotVoidable when the claim was never adjudicated, has no payer claim number, or is voided or being voided
   */
  @Transactional
  public ClaimSummary requestVoid(UUID claimId, String reason, String requestedBy) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "Say why the claim is voided (wrong patient, wrong payer, services not rendered...).");
    }
    if (reason.length() > 400) {
      throw new InvalidInputException("reason", "At most 400 characters.");
    }
    // one void at a time per claim, even when two people ask at once
    jdbc.sql("select id from claim where id = ? for update").param(claimId).query(UUID.class).optional();
    ClaimSummary claim = claims.summary(claimId).orElseThrow();
    if (claim.status() == ClaimStatus.VOIDED) {
      throw new NotVoidable("Claim " + claim.patientControlNumber() + " is already voided.");
    }
    if ("8".equals(claim.frequencyCode()) || claim.status() == ClaimStatus.VOIDING) {
      throw new NotVoidable("Claim " + claim.patientControlNumber() + " is already being voided.");
    }
    if (!ADJUDICATED.contains(claim.status()) || !claims.adjudicated(claimId)) {
      throw new NotVoidable("Claim " + claim.patientControlNumber() + " has not been adjudicated by the payer (status "
          + claim.status() + "): there is nothing to void yet.");
    }
    if (claim.payerClaimNumber() == null || claim.payerClaimNumber().isBlank()) {
      throw new NotVoidable("Claim " + claim.patientControlNumber() + " has no payer claim number to void.");
    }
    Instant now = clock.instant();
    String pcn = claim.patientControlNumber();
    claims.markVoid(claimId, claim.payerClaimNumber(), now);
    claims.addEvent(claimId, "VOID", "REQUESTED", ClaimSubmissions.truncate("void of payer claim "
        + claim.payerClaimNumber() + " requested: " + reason.strip()), requestedBy, now);
    workflow.startVoid(claimId, pcn, requestedBy);
    // in this transaction: an open denial of the claim is closed as VOIDED (denial/), or the void is not requested
    events.publishEvent(new ClaimVoidRequested(claimId, pcn, requestedBy, now));
    return claims.summary(claimId).orElseThrow();
  }

  /**
   * Once the payer's reversal has posted (remittance posting puts its negative amounts on the
   * opposite sides), the charge it leaves open with the payer is reversed: revenue debited,
   * insurance receivable credited, where it is open (claim line or claim level). The claim is VOIDED.
   *
   * @return false when the reversal has not posted yet: the void waits for it
   */
  @Transactional
  public boolean recordVoid(UUID claimId, String patientControlNumber) {
    if (!claims.patientControlNumber(claimId).equals(patientControlNumber)) {
      throw new IllegalStateException("Claim " + claimId + " is not the claim of process " + patientControlNumber);
    }
    Optional<UUID> reversal = jdbc.sql("""
        select id from remittance_claim where claim_id = ? and status_code = '22' and posted_at is not null
        order by received_at desc, id limit 1""").param(claimId).query(UUID.class).optional();
    if (reversal.isEmpty()) {
      return false;
    }
    Instant now = clock.instant();
    jdbc.sql("update remittance_claim set correlated_at = ? where claim_id = ? and status_code = '22' and correlated_at is null")
        .params(java.sql.Timestamp.from(now), claimId).update();
    List<JournalLine> lines = new ArrayList<>();
    BigDecimal cleared = BigDecimal.ZERO.setScale(2);
    for (var e : ledgerRepository.claimLineLedgers(claimId).entrySet()) {
      BigDecimal open = e.getValue().net(Accounts.AR_INSURANCE);
      if (open.signum() != 0) {
        Integer line = e.getKey() == 0 ? null : e.getKey();
        String memo = "void" + (line == null ? "" : ", line " + line);
        lines.add(JournalLine.signed(Accounts.GROSS_REVENUE, open, memo, "VOID", line, null, null));
        lines.add(JournalLine.signed(Accounts.AR_INSURANCE, open.negate(), memo, "VOID", line, null, null));
        cleared = cleared.add(open);
      }
    }
    if (!lines.isEmpty()) {
      ledger.post(new JournalEntry(UUID.randomUUID(), LocalDate.ofInstant(now, ZoneOffset.UTC),
          "Void of claim " + patientControlNumber, "VOID", patientControlNumber, claimId, "system", "void:" + claimId, lines));
    }
    claims.updateStatus(claimId, ClaimStatus.VOIDED, now);
    claims.addEvent(claimId, "VOID", "VOIDED", "payer reversal posted; charge reversed " + cleared, "system", now);
    return true;
  }
}
