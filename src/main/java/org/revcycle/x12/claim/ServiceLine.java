package org.revcycle.x12.claim;

import java.math.BigDecimal;
import java.util.List;

/**
 * Loop 2400: one service line. Professional lines (SV1) carry a procedure with modifiers, charge,
 * unit code (UN units, MJ minutes), quantity, place of service and up to four diagnosis pointers
 * (1-based into the claim's diagnoses). Institutional lines (SV2) carry a revenue code, an optional
 * procedure, charge, unit code (UN, DA days), quantity and non-covered charge. The service date is
 * DTP*472; REF*6R is the provider's line control number.
 */
public record ServiceLine(
    int lineNumber,
    String revenueCode,
    Procedure procedure,
    BigDecimal charge,
    String unitCode,
    BigDecimal units,
    String placeOfService,
    List<Integer> diagnosisPointers,
    BigDecimal nonCoveredCharge,
    ServicePeriod serviceDate,
    String lineControlNumber,
    Drug drug,
    List<ClaimProvider> providers,
    List<LineAdjudication> adjudications) {

  public ServiceLine {
    diagnosisPointers = diagnosisPointers == null ? List.of() : List.copyOf(diagnosisPointers);
    providers = providers == null ? List.of() : List.copyOf(providers);
    adjudications = adjudications == null ? List.of() : List.copyOf(adjudications);
  }
}
