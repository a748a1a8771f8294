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
 * @param adjustments every CAS, claim level and line level
 * @param traceNumber TRN02, the check or EFT number the bank deposit carries
 * @param lines the SVC loops, each with its own CAS (also in {@code adjustments}) and the claim line
 *     it pays; empty when the payer decided at claim level only
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
    String traceNumber,
    List<ServiceLine> lines) {

  /** A decision at claim level only (no SVC). */
  public ClaimAdjudication(String patientControlNumber, String payerId, String payerClaimNumber, String statusCode,
      BigDecimal charge, BigDecimal paid, BigDecimal patientResponsibility, List<Adjustment> adjustments,
      List<String> remarkCodes, LocalDate paymentDate, String traceNumber) {
    this(patientControlNumber, payerId, payerClaimNumber, statusCode, charge, paid, patientResponsibility, adjustments,
        remarkCodes, paymentDate, traceNumber, List.of());
  }

  public ClaimAdjudication {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  /**
   * One SVC: what the payer did with one service line.
   *
   * @param sequence the SVC's position in its CLP (1, 2, ...)
   * @param claimLineNumber the claim line it pays, or null when no line of the claim fits
   * @param reference what names it in the 835: position, procedure, REF*6R (for journal lines)
   */
  public record ServiceLine(int sequence, Integer claimLineNumber, String reference, String lineControlNumber,
      String procedureCode, BigDecimal charge, BigDecimal paid, List<Adjustment> adjustments) {

    public ServiceLine {
      adjustments = List.copyOf(adjustments);
    }
  }

  /** The claim-level CAS: every adjustment that no SVC carries. */
  public List<Adjustment> claimLevelAdjustments() {
    List<Adjustment> remaining = new java.util.ArrayList<>(adjustments);
    lines.forEach(l -> l.adjustments().forEach(remaining::remove));
    return remaining;
  }

  /** One CAS triple: group code (CO, PR, OA, PI, CR), reason code (CARC), amount. */
  public record Adjustment(String groupCode, String reasonCode, BigDecimal amount) {}

  public boolean denied() {
    return "4".equals(statusCode);
  }

  /**
   * The service lines the payer denied inside a claim it did not deny as a whole: an SVC paid
   * nothing with a CO, PR, OA or PI adjustment other than the patient's cost share (PR 1, 2, 3) and
   * the fee-schedule reduction (45), e.g. CO-96 non-covered, CO-97 bundled, CO-50 not necessary.
   * Empty for a denied claim (the whole claim is the denial) and for a reversal.
   */
  public List<ServiceLine> deniedLines() {
    if (denied() || "22".equals(statusCode)) {
      return List.of();
    }
    return lines.stream().filter(l -> l.paid().signum() == 0 && l.charge().signum() > 0
        && !denialAdjustments(l).isEmpty()).toList();
  }

  /** What on a service line is a denial: not the patient's cost share, not the fee-schedule reduction. */
  public static List<Adjustment> denialAdjustments(ServiceLine line) {
    return line.adjustments().stream().filter(a -> List.of("CO", "PR", "OA", "PI").contains(a.groupCode())
        && a.amount().signum() > 0
        && !("PR".equals(a.groupCode()) && List.of("1", "2", "3").contains(a.reasonCode()))
        && !"45".equals(a.reasonCode())).toList();
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
