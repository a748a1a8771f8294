package org.revcycle.x12.acknowledgment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.revcycle.x12.DatePeriod;
import org.revcycle.x12.status.StatusInformation;

/**
 * A 277CA's answer about one claim (loop 2200D): the patient control number the provider sent in
 * CLM01 (TRN02 here), the payer's claim control number (REF*1K) when the claim was taken in, every
 * STC, and the service dates. Rejected when any STC category says the claim was returned (A3, A6,
 * A7, A8) or not found (A4); otherwise accepted (A1 received, A2 accepted into adjudication).
 */
public record ClaimAcknowledgment(
    String patientControlNumber,
    String payerClaimControlNumber,
    String clearinghouseTraceNumber,
    String billType,
    List<StatusInformation> statuses,
    DatePeriod serviceDates) {

  public ClaimAcknowledgment {
    statuses = List.copyOf(statuses);
  }

  public boolean isAccepted() {
    return !statuses.isEmpty() && statuses.stream().noneMatch(StatusInformation::isRejection);
  }

  /** STC01-1 of the first STC: A1, A2, A7 ... */
  public String statusCategory() {
    return statuses.isEmpty() ? null : statuses.get(0).category();
  }

  /** STC01-2 of the first STC (code source 508). */
  public String statusCode() {
    return statuses.isEmpty() ? null : statuses.get(0).codes().get(0).status();
  }

  /** STC01-3 of the first STC: who the status is about (85 billing provider, QC patient ...). */
  public String entity() {
    return statuses.isEmpty() ? null : statuses.get(0).codes().get(0).entity();
  }

  /** STC04 of the first STC: the claim's total charge as the payer received it. */
  public BigDecimal amount() {
    return statuses.isEmpty() ? null : statuses.get(0).totalCharge();
  }

  /** STC02 of the first STC: when the status took effect. */
  public LocalDate statusDate() {
    return statuses.isEmpty() ? null : statuses.get(0).effectiveDate();
  }
}
