package org.revcycle.ledger;

import java.math.BigDecimal;
import org.revcycle.platform.InvalidInputException;

/** One side of a journal entry: a debit or a credit to one account, in dollars and cents. */
public record JournalLine(String accountCode, BigDecimal debit, BigDecimal credit, String memo) {

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
}
