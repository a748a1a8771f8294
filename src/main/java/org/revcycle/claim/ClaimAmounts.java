package org.revcycle.claim;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import org.revcycle.ledger.Accounts;
import org.revcycle.ledger.LedgerRepository;

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

  /** Charge = payer paid + contractual + write-offs + patient responsibility + insurance balance. */
  public static ClaimAmounts of(LedgerRepository.ClaimLedger l) {
    return new ClaimAmounts(
        l.credits(Accounts.GROSS_REVENUE).subtract(l.debits(Accounts.GROSS_REVENUE)),
        l.net(Accounts.CASH_CLEARING),
        l.net(Accounts.CONTRACTUAL_ALLOWANCES),
        l.net(Accounts.DENIAL_WRITE_OFFS).add(l.net(Accounts.ADMINISTRATIVE_ADJUSTMENTS)),
        // net: a secondary payer's payment or a reversal takes the patient's share down again
        l.net(Accounts.AR_PATIENT),
        l.net(Accounts.AR_INSURANCE),
        l.net(Accounts.AR_PATIENT));
  }

  /** The invariant every posting must keep. */
  @JsonProperty
  public boolean reconciles() {
    return charge.compareTo(payerPaid.add(contractualAdjustments).add(writeOffs).add(patientResponsibility)
        .add(insuranceBalance)) == 0;
  }
}
