package org.revcycle.ledger;

import java.math.BigDecimal;
import org.revcycle.platform.InvalidInputException;

/**
 * One side of a journal entry: a debit or a credit to one account, in dollars and cents.
 *
 * @param sourceCode what in the source document the line stands for: a CAS group-reason (CO-45),
 *     a PLB reason (PLB-L6), PAID for the payment; null when the entry's source says it all
 * @param claimLineNumber the claim line the amount belongs to (its charge, or the SVC paying it);
 *     null for claim-level amounts
 * @param serviceRef the 835 service line it came from (SVC position, procedure, REF*6R), if any
 * @param payerId the payer whose receivable the line moves, when it is not the claim's own payer's
 *     (a secondary or tertiary payer in coordination of benefits); null otherwise
 */
public record JournalLine(String accountCode, BigDecimal debit, BigDecimal credit, String memo, String sourceCode,
    Integer claimLineNumber, String serviceRef, String payerId) {

  public JournalLine(String accountCode, BigDecimal debit, BigDecimal credit, String memo) {
    this(accountCode, debit, credit, memo, null);
  }

  public JournalLine(String accountCode, BigDecimal debit, BigDecimal credit, String memo, String sourceCode) {
    this(accountCode, debit, credit, memo, sourceCode, null, null, null);
  }

  public JournalLine {
    debit = Money.of(debit == null ? BigDecimal.ZERO : debit, "debit");
    credit = Money.of(credit == null ? BigDecimal.ZERO : credit, "credit");
    if (accountCode == null || accountCode.isBlank()) {
      throw new InvalidInputException("accountCode", "A journal line needs an account code.");
    }
    if (debit.signum() < 0 || credit.signum() < 0) {
      throw new InvalidInputException("amount", "Debits and credits are positive; reverse by swapping sides.");
    }
    if ((debit.signum() == 0) == (credit.signum() == 0)) {
      throw new InvalidInputException(
          "amount", "A journal line to account " + accountCode + " must be either a debit or a credit.");
    }
  }

  public static JournalLine debit(String accountCode, BigDecimal amount, String memo) {
    return new JournalLine(accountCode, amount, BigDecimal.ZERO, memo);
  }

  public static JournalLine credit(String accountCode, BigDecimal amount, String memo) {
    return new JournalLine(accountCode, BigDecimal.ZERO, amount, memo);
  }

  /** A positive amount is a debit, a negative one a credit of its absolute value (reversals). */
  public static JournalLine signed(String accountCode, BigDecimal amount, String memo, String sourceCode) {
    return signed(accountCode, amount, memo, sourceCode, null, null, null);
  }

  /** {@link #signed(String, BigDecimal, String, String)} for one claim line, SVC and payer. */
  public static JournalLine signed(String accountCode, BigDecimal amount, String memo, String sourceCode,
      Integer claimLineNumber, String serviceRef, String payerId) {
    return amount.signum() >= 0
        ? new JournalLine(accountCode, amount, BigDecimal.ZERO, memo, sourceCode, claimLineNumber, serviceRef, payerId)
        : new JournalLine(accountCode, BigDecimal.ZERO, amount.negate(), memo, sourceCode, claimLineNumber, serviceRef, payerId);
  }

  /** The same amount on another account (a control account's line routed to its sub-account). */
  public JournalLine onAccount(String code) {
    return new JournalLine(code, debit, credit, memo, sourceCode, claimLineNumber, serviceRef, payerId);
  }
}
