package org.revcycle.x12.remittance;

import java.math.BigDecimal;

/**
 * What one 835 set added up to: BPR02 against Σ CLP04 − Σ PLB, and how many claims were not in
 * balance with their own adjustments.
 */
public record RemittanceTotals(
    int claims,
    int serviceLines,
    BigDecimal totalPayment,
    BigDecimal claimsPaid,
    BigDecimal providerAdjustments,
    int claimsOutOfBalance,
    int linesOutOfBalance) {

  public BigDecimal expectedPayment() {
    return claimsPaid.subtract(providerAdjustments);
  }

  public boolean paymentBalances() {
    return totalPayment != null && totalPayment.compareTo(expectedPayment()) == 0;
  }

  public boolean balanced() {
    return paymentBalances() && claimsOutOfBalance == 0 && linesOutOfBalance == 0;
  }
}
