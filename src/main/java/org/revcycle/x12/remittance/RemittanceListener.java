package org.revcycle.x12.remittance;

/**
 * Receives an 835 as it streams: the header once per set, then each claim when its last line has
 * been read, then provider adjustments, then the set's totals. Nothing is held back, so memory does
 * not grow with the file; a listener that must not act before the file is known to balance reads
 * the file twice (validate, then act) or stages what it receives.
 */
public interface RemittanceListener {

  default void transactionStarted(RemittanceHeader header) {}

  void claim(RemittanceHeader header, ClaimPayment claim);

  default void providerAdjustment(RemittanceHeader header, ProviderAdjustment adjustment) {}

  default void transactionEnded(RemittanceHeader header, RemittanceTotals totals) {}
}
