package org.revcycle.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.revcycle.platform.InvalidInputException;

/** Dollars and cents: BigDecimal at scale 2. Fractions of a cent are refused, not rounded. */
public final class Money {

  public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private Money() {}

  public static BigDecimal of(BigDecimal amount, String field) {
    if (amount == null) {
      throw new InvalidInputException(field, "An amount is required.");
    }
    try {
      return amount.setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new InvalidInputException(field, "Amount " + amount.toPlainString() + " has fractions of a cent.");
    }
  }
}
