package org.revcycle.ledger;

/**
 * The accounts that automated postings use (seeded by the V1 and V6 migrations). The insurance
 * receivable is a control account: postings for a claim land in the sub-account of the claim's
 * payer class (1111 Medicare, 1112 Medicaid, 1113 Commercial), and per-claim views roll them up.
 */
public final class Accounts {

  public static final String CASH_CLEARING = "1010";
  public static final String CASH_OPERATING = "1020";
  public static final String AR_INSURANCE = "1110";
  public static final String AR_MEDICARE = "1111";
  public static final String AR_MEDICAID = "1112";
  public static final String AR_COMMERCIAL = "1113";
  public static final String AR_PATIENT = "1120";
  public static final String UNAPPLIED_CASH = "2110";
  public static final String PAYER_RECOUPMENTS = "2130";
  public static final String FORWARDING_BALANCES = "2140";
  public static final String GROSS_REVENUE = "4010";
  public static final String CONTRACTUAL_ALLOWANCES = "4110";
  public static final String DENIAL_WRITE_OFFS = "4120";
  public static final String ADMINISTRATIVE_ADJUSTMENTS = "4130";
  public static final String INTEREST_INCOME = "4510";
  public static final String BAD_DEBT = "6110";

  private Accounts() {}
}
