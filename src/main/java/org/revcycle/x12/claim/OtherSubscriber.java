package org.revcycle.x12.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Loop 2320 with 2330A (other subscriber) and 2330B (other payer): another coverage of the patient
 * and, on a secondary claim, what that payer did with the claim: its claim-level adjustments (CAS),
 * what it paid (AMT*D), the amount it did not cover (AMT*A8), the patient's remaining liability
 * (AMT*EAF), and its adjudication date (DTP*573).
 */
public record OtherSubscriber(
    String payerResponsibility,
    String relationship,
    String groupNumber,
    String groupName,
    String claimFilingIndicator,
    List<Adjustment> adjustments,
    BigDecimal payerPaidAmount,
    BigDecimal nonCoveredAmount,
    BigDecimal remainingPatientLiability,
    String benefitsAssigned,
    String patientSignatureSource,
    String releaseOfInformation,
    PartyName subscriberName,
    String subscriberId,
    Address subscriberAddress,
    String payerName,
    String payerId,
    Address payerAddress,
    LocalDate adjudicationDate,
    String payerClaimControlNumber) {

  public OtherSubscriber {
    adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
  }

  @Override
  public String toString() {
    return "OtherSubscriber[" + payerResponsibility + ", payer " + payerId + "]";
  }
}
