package org.revcycle.remittance;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.revcycle.claim.ClaimRepository;
import org.revcycle.platform.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in a payer's decision on a claim: checks that it balances, records it once, and wakes the
 * claim's process once the record is committed (so the process always finds what woke it).
 */
@Service
public class RemittanceIntake {

  private final RemittanceRepository remittances;
  private final ClaimRepository claims;
  private final RemittanceWorkflow workflow;
  private final Clock clock;
  private final TransactionTemplate savepoint;

  public RemittanceIntake(RemittanceRepository remittances, ClaimRepository claims, RemittanceWorkflow workflow,
      Clock clock, PlatformTransactionManager transactions) {
    this.remittances = remittances;
    this.claims = claims;
    this.workflow = workflow;
    this.clock = clock;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  public record Received(UUID remittanceId, boolean duplicate, boolean matched) {}

  @Transactional
  public Received receive(ClaimAdjudication adjudication, String source) {
    if (!adjudication.balances()) {
      throw new InvalidInputException("CLP " + adjudication.patientControlNumber(),
          "does not balance: charge " + adjudication.charge() + " minus adjustments " + adjudication.adjustmentTotal()
              + " is not the paid amount " + adjudication.paid() + ", or PR adjustments differ from patient responsibility "
              + adjudication.patientResponsibility());
    }
    Optional<UUID> same = remittances.findSame(adjudication);
    if (same.isPresent()) {
      return new Received(same.get(), true, true);
    }
    Instant now = clock.instant();
    Optional<UUID> claimId = claims.findIdByPatientControlNumber(adjudication.patientControlNumber());
    UUID id;
    try {
      // in a savepoint: when the same decision is delivered twice at once, the second is a duplicate
      id = savepoint.execute(status -> remittances.insert(adjudication, claimId.orElse(null), source, now));
    } catch (DuplicateKeyException deliveredTwiceAtOnce) {
      return new Received(remittances.findSame(adjudication).orElseThrow(), true, claimId.isPresent());
    }
    claimId.ifPresent(c -> claims.addEvent(c, "ADJUDICATION", adjudication.denied() ? "DENIED" : "ADJUDICATED",
        "payer claim " + adjudication.payerClaimNumber() + ", paid " + adjudication.paid() + ", trace "
            + adjudication.traceNumber(), "payer " + adjudication.payerId(), now));
    if (claimId.isPresent()) {
      String pcn = adjudication.patientControlNumber();
      if (TransactionSynchronizationManager.isSynchronizationActive()) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            workflow.notifyArrival(pcn);
          }
        });
      }
    }
    return new Received(id, false, claimId.isPresent());
  }
}
