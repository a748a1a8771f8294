package org.revcycle.x12.claim;

import java.time.LocalDate;

/**
 * Loop 2000B/2010BA: the insured. SBR: payer responsibility (P, S, T...), relationship to the patient
 * (18 when the subscriber is the patient, absent otherwise), group number and name, claim filing
 * indicator (CI, MB, MC...). NM1*IL: name and member id; DMG: birth date and sex; N3/N4: address.
 */
public record Subscriber(
    String payerResponsibility,
    String relationship,
    String groupNumber,
    String groupName,
    String claimFilingIndicator,
    PartyName name,
    String memberId,
    LocalDate birthDate,
    String sex,
    Address address) {

  @Override
  public String toString() {
    return "Subscriber[" + payerResponsibility + ", " + claimFilingIndicator + "]";
  }
}
