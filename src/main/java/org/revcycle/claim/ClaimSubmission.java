package org.revcycle.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What goes to the clearinghouse for one claim: the facts an 837 carries, as typed values.
 *
 * @param patientControlNumber CLM01; comes back as CLP01 on the remittance
 * @param frequencyCode CLM05-3: 1 original, 7 replacement, 8 void
 * @param payerClaimNumber the payer's number of the claim being replaced (frequency 7 or 8)
 */
public record ClaimSubmission(
    String patientControlNumber,
    ClaimType claimType,
    String frequencyCode,
    String payerClaimNumber,
    String payerId,
    String memberId,
    String subscriberRelationship,
    LocalDate coverageStart,
    LocalDate coverageEnd,
    String facilityId,
    String billingNpi,
    String renderingNpi,
    LocalDate patientBirthDate,
    String patientSex,
    LocalDate serviceDate,
    LocalDate dischargeDate,
    String priorAuthorization,
    List<String> diagnoses,
    List<Line> lines) {

  public record Line(
      int lineNumber, String procedureCode, List<String> modifiers, String revenueCode, BigDecimal units,
      BigDecimal charge, LocalDate serviceDate) {}

  public BigDecimal totalCharge() {
    return lines.stream().map(Line::charge).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }
}
