package org.revcycle.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A payer's decision on one claim, as an 835 CLP loop carries it: what was charged, paid,
 * adjusted (CAS) and left to the patient. Balanced: charge minus all adjustments equals paid,
 * and the patient's responsibility is the sum of the PR adjustments.
 *
 * @param statusCode CLP02: 1 processed as primary, 2 secondary, 3 tertiary, 4 denied, 22 reversal
 * @param traceNumber TRN02, the check or EFT number the bank deposit carries
 */
public record ClaimAdjudication(
    String patientControlNumber,
    String payerId,
    String payerClaimNumber,
    String statusCode,
    BigDecimal charge,
    BigDecimal paid,
    BigDecimal patientResponsibility,
    List<Adjustment> adjustments,
    List<String> remarkCodes,
    LocalDate paymentDate,
    String traceNumber) {

  /** One CAS triple: group code (CO, PR, OA, PI, CR), reason code (CARC), amount. */
  public record Adjustment(String groupCode, String reasonCode, BigDecimal amount) {}

  public boolean denied() {
    return "4".equals(statusCode);
  }

  public BigDecimal adjustmentTotal() {
    return adjustments.stream().map(Adjustment::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }

  /** CLP03 − Σ CAS = CLP04, and Σ PR = CLP05. */
  public boolean balances() {
    BigDecimal pr = adjustments.stream().filter(a -> "PR".equals(a.groupCode()))
        .map(Adjustment::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    return charge.subtract(adjustmentTotal()).compareTo(paid) == 0 && pr.compareTo(patientResponsibility) == 0;
  }
}
