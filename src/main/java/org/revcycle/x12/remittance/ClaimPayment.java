package org.revcycle.x12.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.revcycle.x12.X12Location;

/**
 * One claim of an 835 (loop 2100): CLP, its claim-level CAS, the people named, dates, amounts and
 * its service lines (2110).
 *
 * @param patientControlNumber CLP01, our CLM01 coming back
 * @param statusCode CLP02: 1/2/3 processed as primary/secondary/tertiary, 4 denied, 19-21 forwarded,
 *     22 reversal of a previous payment, 23 not our claim, 25 predetermination
 * @param patientResponsibility CLP05, null when absent
 * @param payerClaimNumber CLP07, the payer's claim control number (needed for a replacement or void)
 * @param patientId NM1*QC NM109 (member id or similar), for matching when CLP01 is not ours
 * @param amounts AMT by qualifier (AU coverage amount, D8 discount, F5 patient paid, I interest, ...)
 * @param location where the CLP sits in the file, so an imbalance or a mismatch can be named
 */
public record ClaimPayment(
    String patientControlNumber,
    String statusCode,
    BigDecimal totalCharge,
    BigDecimal paid,
    BigDecimal patientResponsibility,
    String filingIndicator,
    String payerClaimNumber,
    String facilityCode,
    String frequencyCode,
    String drgCode,
    String patientLastName,
    String patientFirstName,
    String patientIdQualifier,
    String patientId,
    String renderingProviderNpi,
    LocalDate statementFrom,
    LocalDate statementTo,
    LocalDate receivedDate,
    List<String> remarkCodes,
    Map<String, BigDecimal> amounts,
    List<Adjustment> adjustments,
    List<ServicePayment> services,
    X12Location location) {

  public ClaimPayment {
    remarkCodes = List.copyOf(remarkCodes);
    amounts = Map.copyOf(amounts);
    adjustments = List.copyOf(adjustments);
    services = List.copyOf(services);
  }

  public boolean isReversal() {
    return "22".equals(statusCode);
  }

  public boolean isDenied() {
    return "4".equals(statusCode);
  }

  /** Every CAS amount, claim level and line level: CLP03 − this must equal CLP04. */
  public BigDecimal totalAdjusted() {
    BigDecimal claimLevel = Adjustment.sum(adjustments);
    BigDecimal lineLevel = services.stream().map(s -> Adjustment.sum(s.adjustments())).reduce(BigDecimal.ZERO, BigDecimal::add);
    return claimLevel.add(lineLevel);
  }

  /** Patient responsibility as the CAS PR group says it, claim and line level. */
  public BigDecimal adjustedInGroup(String group) {
    BigDecimal claimLevel = Adjustment.sum(adjustments.stream().filter(a -> a.group().equals(group)).toList());
    BigDecimal lineLevel = services.stream()
        .map(s -> Adjustment.sum(s.adjustments().stream().filter(a -> a.group().equals(group)).toList()))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    return claimLevel.add(lineLevel);
  }
}
