package org.revcycle.x12.acknowledgment;

/**
 * One claim to acknowledge in a 277CA: the billing provider it came from (loop 2000C), the patient
 * as the claim named them (2100D: names and member id, patient data, never logged), and the answer.
 */
public record AcknowledgedClaim(
    String providerName,
    String providerNpi,
    String patientLastName,
    String patientFirstName,
    String memberId,
    ClaimAcknowledgment acknowledgment) {

  @Override
  public String toString() {
    return "AcknowledgedClaim[" + acknowledgment.patientControlNumber() + ", " + acknowledgment.statusCategory() + "]";
  }
}
