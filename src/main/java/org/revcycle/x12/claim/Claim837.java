package org.revcycle.x12.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * One claim (loop 2300) with the parties it travels with: billing provider (2000A), subscriber and
 * payer (2000B), and the patient (2000C) when the patient is not the subscriber (null otherwise).
 * The writer groups claims by billing provider, then subscriber and payer, then patient, and numbers
 * the HL levels; the reader gives each claim back with its parties.
 *
 * <p>CLM: patient control number (CLM01, comes back in the 835's CLP01), total charge, CLM05
 * facility code (place of service for 837P, the first two digits of the type of bill for 837I) and
 * frequency (1 original, 7 replacement, 8 void), provider signature (837P only), assignment,
 * benefits assignment and release of information. Institutional claims add the statement period
 * (DTP*434), admission (DTP*435) and discharge hour (DTP*096) and CL1 codes. REF*G1 is the prior
 * authorization; REF*F8 the payer's claim number that a replacement or void refers to; REF*EA the
 * medical record number.
 */
public record Claim837(
    BillingProvider billingProvider,
    Subscriber subscriber,
    Payer payer,
    Patient patient,
    String patientControlNumber,
    BigDecimal totalCharge,
    String facilityCode,
    String frequencyCode,
    String providerSignature,
    String assignment,
    String benefitsAssigned,
    String releaseOfInformation,
    ServicePeriod statementPeriod,
    LocalDate admissionDate,
    LocalTime admissionTime,
    LocalTime dischargeTime,
    String admissionType,
    String admissionSource,
    String patientStatus,
    String priorAuthorization,
    String payerClaimControlNumber,
    String medicalRecordNumber,
    List<HealthCareCode> healthCareCodes,
    List<ClaimProvider> providers,
    List<OtherSubscriber> otherSubscribers,
    List<ServiceLine> lines) {

  public Claim837 {
    healthCareCodes = healthCareCodes == null ? List.of() : List.copyOf(healthCareCodes);
    providers = providers == null ? List.of() : List.copyOf(providers);
    otherSubscribers = otherSubscribers == null ? List.of() : List.copyOf(otherSubscribers);
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  /** The HI diagnoses in order, the principal first; SV1 diagnosis pointers index this list from 1. */
  public List<HealthCareCode> diagnoses() {
    return healthCareCodes.stream().filter(HealthCareCode::isDiagnosis).toList();
  }

  public HealthCareCode principalDiagnosis() {
    return healthCareCodes.stream().filter(HealthCareCode::isPrincipalDiagnosis).findFirst().orElse(null);
  }

  /** 837I type of bill: facility type (CLM05-1) and frequency (CLM05-3), as on the UB-04 without the leading 0. */
  public String billType() {
    return facilityCode == null || frequencyCode == null ? null : facilityCode + frequencyCode;
  }

  public ClaimProvider provider(String role) {
    return providers.stream().filter(p -> role.equals(p.role())).findFirst().orElse(null);
  }

  public ClaimProvider attending() {
    return provider(ClaimProvider.ATTENDING);
  }

  public ClaimProvider rendering() {
    return provider(ClaimProvider.RENDERING);
  }

  @Override
  public String toString() {
    // CLM01 is the provider's own key, not patient data; names and ids of people stay out
    return "Claim837[" + patientControlNumber + ", " + totalCharge + ", " + lines.size() + " lines]";
  }
}
