package org.revcycle.x12.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.revcycle.x12.InquiryParty;
import org.revcycle.x12.InquiryPerson;

/**
 * A payer's answer to one 276 question, as a 277 (005010X212) carries it: the parties echoed from
 * the question, the trace number (TRN02), the claim's current status (STC01 category and status
 * code, STC02 effective date, STC04 total charge, STC05 paid, STC06 payment date, STC09 check or
 * EFT number) and the claim's references (REF*1K payer claim number, REF*EJ patient control
 * number, REF*BLT bill type) and service dates.
 */
public record ClaimStatusAnswer(
    String responseReference,
    InquiryParty payer,
    InquiryParty receiver,
    InquiryParty provider,
    InquiryPerson subscriber,
    InquiryPerson dependent,
    String traceNumber,
    String category,
    String statusCode,
    LocalDate effectiveDate,
    BigDecimal totalCharge,
    BigDecimal paidAmount,
    LocalDate paymentDate,
    String checkNumber,
    String patientControlNumber,
    String payerClaimNumber,
    String billType,
    LocalDate serviceFrom,
    LocalDate serviceTo) {

  public ClaimStatusAnswer {
    Objects.requireNonNull(payer, "payer");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(subscriber, "subscriber");
    Objects.requireNonNull(traceNumber, "traceNumber");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(statusCode, "statusCode");
    Objects.requireNonNull(effectiveDate, "effectiveDate");
    Objects.requireNonNull(totalCharge, "totalCharge");
  }
}
