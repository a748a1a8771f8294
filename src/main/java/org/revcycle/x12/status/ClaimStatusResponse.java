package org.revcycle.x12.status;

import java.math.BigDecimal;
import java.util.List;
import org.revcycle.x12.DatePeriod;

/**
 * What a payer says about one claim (277 loop 2200D/2200E, or 2200D of a 277CA): the trace number
 * of the question (TRN02), the provider's patient control number (REF*EJ; in a 277CA it is TRN02),
 * the payer's claim control number (REF*1K), the institutional bill type (REF*BLT), the
 * clearinghouse trace number (REF*D9), every STC, the service dates (DTP*472) and service lines.
 */
public record ClaimStatusResponse(
    String traceNumber,
    String patientControlNumber,
    String payerClaimNumber,
    String billType,
    String clearinghouseTraceNumber,
    List<StatusInformation> statuses,
    DatePeriod serviceDates,
    List<ServiceLineStatus> serviceLines) {

  public ClaimStatusResponse {
    statuses = List.copyOf(statuses);
    serviceLines = List.copyOf(serviceLines);
  }

  /** The first STC: the guides put the current status first. */
  public StatusInformation status() {
    return statuses.isEmpty() ? null : statuses.get(0);
  }

  /** The claim's total charge as the payer has it (STC04 of the first STC that carries one). */
  public BigDecimal totalCharge() {
    return statuses.stream().map(StatusInformation::totalCharge).filter(a -> a != null).findFirst().orElse(null);
  }

  /** What the payer paid (STC05), null when no STC says. */
  public BigDecimal paidAmount() {
    return statuses.stream().map(StatusInformation::paidAmount).filter(a -> a != null).findFirst().orElse(null);
  }

  public boolean isRejected() {
    return statuses.stream().anyMatch(StatusInformation::isRejection);
  }
}
