package org.revcycle.x12.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.revcycle.x12.X12Location;

/**
 * One service line of an 835 (loop 2110): what was billed, what was paid, and why the difference.
 *
 * @param procedureQualifier SVC01-1: HC (CPT/HCPCS), NU (revenue code), AD, ER, ...
 * @param revenueCode SVC04 for institutional lines
 * @param unitsPaid SVC05; null means one
 * @param originalProcedureCode SVC06-2 when the payer paid a different code than was billed
 * @param unitsBilled SVC07 when they differ from the paid units
 * @param lineControlNumber REF*6R: our line number, sent in the 837 line's REF*6R
 * @param amounts AMT by qualifier (B6 allowed, KH deduction, ...)
 * @param remarkCodes LQ*HE remark codes
 */
public record ServicePayment(
    String procedureQualifier,
    String procedureCode,
    List<String> modifiers,
    BigDecimal charge,
    BigDecimal paid,
    String revenueCode,
    BigDecimal unitsPaid,
    String originalProcedureCode,
    BigDecimal unitsBilled,
    LocalDate serviceFrom,
    LocalDate serviceTo,
    String lineControlNumber,
    Map<String, BigDecimal> amounts,
    List<String> remarkCodes,
    List<Adjustment> adjustments,
    X12Location location) {

  public ServicePayment {
    modifiers = List.copyOf(modifiers);
    amounts = Map.copyOf(amounts);
    remarkCodes = List.copyOf(remarkCodes);
    adjustments = List.copyOf(adjustments);
  }
}
