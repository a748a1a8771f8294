package org.revcycle.x12.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.revcycle.x12.InquiryParty;
import org.revcycle.x12.InquiryPerson;

/**
 * One claim status question (276, 005010X212): the payer (2100A), the information receiver asking
 * (2100B, usually the provider's submitter id, qualifier 46), the service provider (2100C, NPI),
 * the subscriber (2000D/2100D) and, when the patient is not the subscriber, the dependent
 * (2000E/2100E); then the claim: the trace number the 277 will echo (TRN02), the patient control
 * number sent in CLM01 (REF*EJ), the payer's claim number when known (REF*1K), the institutional
 * bill type (REF*BLT), the total charge (AMT*T3) and the service dates (DTP*472).
 */
public record ClaimStatusInquiry(
    String submitterReference,
    InquiryParty payer,
    InquiryParty receiver,
    InquiryParty provider,
    InquiryPerson subscriber,
    InquiryPerson dependent,
    String traceNumber,
    String patientControlNumber,
    String payerClaimNumber,
    String billType,
    BigDecimal totalCharge,
    LocalDate serviceFrom,
    LocalDate serviceTo) {

  public ClaimStatusInquiry {
    Objects.requireNonNull(payer, "payer");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(subscriber, "subscriber");
    Objects.requireNonNull(traceNumber, "traceNumber");
    Objects.requireNonNull(serviceFrom, "serviceFrom");
  }
}
