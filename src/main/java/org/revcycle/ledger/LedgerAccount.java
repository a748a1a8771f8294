package org.revcycle.ledger;

/** An account of the chart of accounts, named by its code in every journal line. */
public record LedgerAccount(String code, String name, AccountType type) {}
