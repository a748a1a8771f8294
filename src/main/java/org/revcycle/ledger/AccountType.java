package org.revcycle.ledger;

/** Which side of the ledger an account normally carries its balance on. */
public enum AccountType {
  ASSET(true),
  EXPENSE(true),
  CONTRA_REVENUE(true),
  LIABILITY(false),
  REVENUE(false);

  private final boolean debitNormal;

  AccountType(boolean debitNormal) {
    this.debitNormal = debitNormal;
  }

  public boolean debitNormal() {
    return debitNormal;
  }
}
