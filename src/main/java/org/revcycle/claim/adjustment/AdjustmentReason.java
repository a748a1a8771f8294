package org.revcycle.claim.adjustment;

import org.revcycle.ledger.Accounts;

/** Why a biller adjusts a claim by hand, and the account the adjustment goes to. */
public enum AdjustmentReason {
  /** The payer's contract allows less than the remittance showed (a missed or wrong contractual). */
  CONTRACTUAL("Contractual adjustment", Accounts.CONTRACTUAL_ALLOWANCES),
  /** Policy write-offs: courtesy, prompt-pay, an error of ours the patient is not billed for. */
  ADMINISTRATIVE("Administrative adjustment", Accounts.ADMINISTRATIVE_ADJUSTMENTS),
  /** A balance too small to be worth billing or chasing. */
  SMALL_BALANCE("Small-balance write-off", Accounts.ADMINISTRATIVE_ADJUSTMENTS);

  private final String label;
  private final String account;

  AdjustmentReason(String label, String account) {
    this.label = label;
    this.account = account;
  }

  public String label() {
    return label;
  }

  public String account() {
    return account;
  }
}
