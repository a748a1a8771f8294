package org.revcycle.claim;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * A claim's money from the ledger: charge = payer paid + adjustments + patient responsibility +
 * insurance balance. The patient's own balance is what remains of their responsibility.
 */
public record ClaimAmounts(
    BigDecimal charge,
    BigDecimal payerPaid,
    BigDecimal contractualAdjustments,
    BigDecimal writeOffs,
    BigDecimal patientResponsibility,
    BigDecimal insuranceBalance,
    BigDecimal patientBalance) {

  @JsonProperty
  public BigDecimal balance() {
    return insuranceBalance.add(patientBalance);
  }

  /** The invariant every posting must keep. */
  @JsonProperty
  public boolean reconciles() {
    return charge.compareTo(payerPaid.add(contractualAdjustments).add(writeOffs).add(patientResponsibility)
        .add(insuranceBalance)) == 0;
  }
}
