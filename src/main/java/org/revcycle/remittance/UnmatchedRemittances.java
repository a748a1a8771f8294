package org.revcycle.remittance;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.revcycle.claim.ClaimRepository;
import org.revcycle.ledger.AdjustmentAccounts;
import org.revcycle.ledger.Ledger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a billing specialist does with a remittance no claim matched: apply it to the right claim
 * (the payment leaves unapplied cash and posts to the claim, once) or leave it in unapplied cash
 * (a payment that is not ours, to be returned to the payer).
 */
@Service
public class UnmatchedRemittances {

  private final RemittanceRepository remittances;
  private final ClaimMatcher matcher;
  private final ClaimRepository claims;
  private final Ledger ledger;
  private final AdjustmentAccounts adjustmentAccounts;
  private final RemittanceWorkflow workflow;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final OtherCoverages coverages;

  public UnmatchedRemittances(RemittanceRepository remittances, ClaimMatcher matcher, ClaimRepository claims, Ledger ledger,
      AdjustmentAccounts adjustmentAccounts, RemittanceWorkflow workflow, JdbcClient jdbc, Clock clock,
      OtherCoverages coverages) {
    this.coverages = coverages;
    this.remittances = remittances;
    this.matcher = matcher;
    this.claims = claims;
    this.ledger = ledger;
    this.adjustmentAccounts = adjustmentAccounts;
    this.workflow = workflow;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What the person sees: no names or member ids, only the claim's numbers and amounts. */
  public String describe(UUID remittanceId) {
    ClaimAdjudication a = remittances.load(remittanceId).adjudication();
    return "CLP01 " + a.patientControlNumber() + ", payer " + a.payerId() + ", payer claim " + a.payerClaimNumber()
        + ", CLP02 " + a.statusCode() + ", charge " + a.charge() + ", paid " + a.paid() + ", trace " + a.traceNumber();
  }

  /** The money at stake: what the payer paid on the unmatched claim. */
  public java.math.BigDecimal paid(UUID remittanceId) {
    return remittances.load(remittanceId).adjudication().paid();
  }

  /** @return empty when applied (or applied before), else what is wrong, for the person to correct */
  @Transactional
  public Optional<String> apply(UUID remittanceId, String patientControlNumber, String user) {
    RemittanceRepository.StoredRemittance stored = remittances.load(remittanceId);
    if (stored.claimId() != null) {
      return Optional.empty();
    }
    if (patientControlNumber == null || patientControlNumber.isBlank()) {
      return Optional.of("Name the claim: its patient control number.");
    }
    Optional<ClaimMatcher.MatchedClaim> found = matcher.forApplying(patientControlNumber.trim());
    if (found.isEmpty()) {
      return Optional.of("No claim has patient control number " + patientControlNumber.trim() + ".");
    }
    ClaimMatcher.MatchedClaim claim = found.get();
    ClaimAdjudication a = stored.adjudication();
    boolean followOn = claim.primaryPosted() && ("2".equals(a.statusCode()) || "3".equals(a.statusCode()));
    boolean forItsProcess = !claim.primaryPosted() || "SUBMITTED".equals(claim.status()) || "ACCEPTED".equals(claim.status());
    Instant now = clock.instant();
    jdbc.sql("""
        update remittance_claim set claim_id = ?, match_method = 'MANUAL', resolution = 'APPLIED', follow_on = ?,
          correlated_at = ? where id = ? and claim_id is null""")
        .params(claim.id(), followOn, forItsProcess ? null : java.sql.Timestamp.from(now), remittanceId).update();
    RemittanceEntries.release(remittanceId, a, user).ifPresent(ledger::post);
    // the SVCs were read before anyone knew the claim: they post at claim level, with their references kept
    RemittanceEntries.forClaim(remittanceId, claim.id(), a,
        RemittanceEntries.Receivables.of(followOn, a.statusCode(), a.payerId(), coverages.payersAfterPrimary(claim.id())), claim.payerClass(),
        adjustmentAccounts.snapshot(), stored.fileId()).ifPresent(ledger::post);
    claims.addEvent(claim.id(), "ADJUDICATION", a.denied() ? "DENIED" : "ADJUDICATED",
        "payer claim " + a.payerClaimNumber() + ", paid " + a.paid() + ", trace " + a.traceNumber() + ", applied by hand",
        user, now);
    if (forItsProcess && !a.denied()) {
      // as for a file's decisions: the claim's process is woken only once nothing is left with any payer
      java.math.BigDecimal open = matcher.insuranceBalances(List.of(claim.id())).getOrDefault(claim.id(), java.math.BigDecimal.ZERO);
      if (open.signum() > 0) {
        jdbc.sql("update remittance_claim set correlated_at = ? where id = ?").params(java.sql.Timestamp.from(now), remittanceId).update();
        claims.addEvent(claim.id(), "ADJUDICATION", "PARTIALLY_ADJUDICATED",
            "insurance balance " + open + " still open with the payers; waiting for the rest", "system", now);
        return Optional.empty();
      }
      jdbc.sql("update remittance_claim set correlated_at = ? where claim_id = ? and id <> ? and correlated_at is null")
          .params(java.sql.Timestamp.from(now), claim.id(), remittanceId).update();
    }
    if (forItsProcess && TransactionSynchronizationManager.isSynchronizationActive()) {
      String pcn = claim.patientControlNumber();
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          workflow.notifyArrival(pcn);
        }
      });
    }
    return Optional.empty();
  }

  /** Left in unapplied cash (e.g. to be returned to the payer): the task is done, the money stays visible. */
  @Transactional
  public void leaveUnapplied(UUID remittanceId) {
    jdbc.sql("update remittance_claim set resolution = 'LEFT_UNAPPLIED' where id = ? and claim_id is null")
        .param(remittanceId).update();
  }
}
