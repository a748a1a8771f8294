package org.revcycle.ledger;

/**
 * An account of the chart of accounts, named by its code in every journal line.
 *
 * @param parentCode the control account it rolls up to, if any
 * @param payerClass for a receivable kept by payer class: which one
 */
public record LedgerAccount(String code, String name, AccountType type, String parentCode, String payerClass) {

  public LedgerAccount(String code, String name, AccountType type) {
    this(code, name, type, null, null);
  }

  /** The account a per-claim view counts it under: its control account, or itself. */
  public String rollsUpTo() {
    return parentCode == null ? code : parentCode;
  }
}
