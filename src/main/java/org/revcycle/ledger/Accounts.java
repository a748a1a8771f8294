package org.revcycle.ledger;

/** The accounts that automated postings use (seeded by the V1 migration). */
public final class Accounts {

  public static final String CASH_CLEARING = "1010";
  public static final String AR_INSURANCE = "1110";
  public static final String AR_PATIENT = "1120";
  public static final String GROSS_REVENUE = "4010";
  public static final String CONTRACTUAL_ALLOWANCES = "4110";
  public static final String DENIAL_WRITE_OFFS = "4120";
  public static final String ADMINISTRATIVE_ADJUSTMENTS = "4130";

  private Accounts() {}
}
