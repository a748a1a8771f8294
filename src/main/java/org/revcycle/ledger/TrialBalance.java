package org.revcycle.ledger;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Every account's debits, credits and balance at a date; total debits equal total credits. */
public record TrialBalance(LocalDate asOf, List<Row> rows, BigDecimal totalDebits, BigDecimal totalCredits) {

  @JsonProperty
  public boolean balanced() {
    return totalDebits.compareTo(totalCredits) == 0;
  }

  /** Balance is signed to the account's normal side: a positive receivable is money owed to us. */
  public record Row(LedgerAccount account, BigDecimal debits, BigDecimal credits) {
    @JsonProperty
    public BigDecimal balance() {
      return account.type().debitNormal() ? debits.subtract(credits) : credits.subtract(debits);
    }
  }

  static TrialBalance of(LocalDate asOf, List<Row> rows) {
    BigDecimal debits = rows.stream().map(Row::debits).reduce(Money.ZERO, BigDecimal::add);
    BigDecimal credits = rows.stream().map(Row::credits).reduce(Money.ZERO, BigDecimal::add);
    return new TrialBalance(asOf, rows, debits, credits);
  }
}
