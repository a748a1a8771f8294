package org.revcycle.x12.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Loop 2430: a prior payer's adjudication of one line (SVD): the payer (matching 2330B's id), what it
 * paid, the procedure or revenue code it paid, paid units, the line it was bundled into, the line's
 * adjustments (CAS), the adjudication date (DTP*573) and the patient's remaining liability (AMT*EAF).
 */
public record LineAdjudication(
    String payerId,
    BigDecimal paidAmount,
    Procedure procedure,
    String revenueCode,
    BigDecimal paidUnits,
    Integer bundledLineNumber,
    List<Adjustment> adjustments,
    LocalDate adjudicationDate,
    BigDecimal remainingPatientLiability) {

  public LineAdjudication {
    adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
  }
}
