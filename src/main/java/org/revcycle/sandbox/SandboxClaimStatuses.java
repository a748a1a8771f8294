package org.revcycle.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.revcycle.claim.ClaimStatusInquiry.StatusReport;
import org.revcycle.remittance.ClaimAdjudication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * What the sandbox payers know of each claim they were sent: pending until adjudicated, then
 * finalized paid or denied. Their claim status service (276/277) answers from it.
 */
@Component
@ConditionalOnProperty(name = "revcycle.sandbox.enabled", havingValue = "true", matchIfMissing = true)
public class SandboxClaimStatuses {

  private final Map<String, String> pending = new ConcurrentHashMap<>();
  private final Map<String, ClaimAdjudication> adjudicated = new ConcurrentHashMap<>();

  /** The payer has the claim (accepted at the front end) under this reference. */
  public void received(String patientControlNumber, String reference) {
    pending.put(patientControlNumber, reference);
  }

  public void adjudicated(String patientControlNumber, ClaimAdjudication adjudication) {
    adjudicated.put(patientControlNumber, adjudication);
    pending.remove(patientControlNumber);
  }

  public StatusReport status(String patientControlNumber) {
    ClaimAdjudication done = adjudicated.get(patientControlNumber);
    if (done != null) {
      return done.denied()
          ? new StatusReport("F2", "Finalized/denial, payer claim " + done.payerClaimNumber())
          : new StatusReport("F1", "Finalized/payment, payer claim " + done.payerClaimNumber());
    }
    if (pending.containsKey(patientControlNumber)) {
      return new StatusReport("P1", "Pending/in process");
    }
    return new StatusReport("A4", "Not found");
  }

  /** The payer's decision on the claim, once adjudicated (what a 277 reports amounts and dates from). */
  public Optional<ClaimAdjudication> adjudication(String patientControlNumber) {
    return Optional.ofNullable(adjudicated.get(patientControlNumber));
  }
}
