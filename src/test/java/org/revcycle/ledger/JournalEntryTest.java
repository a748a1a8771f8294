package org.revcycle.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.revcycle.platform.InvalidInputException;

class JournalEntryTest {

  private static JournalEntry entry(JournalLine... lines) {
    return new JournalEntry(UUID.randomUUID(), LocalDate.of(2026, 11, 2), "Charge", "CHARGE", "PCN-1", null,
        "system", "charge:PCN-1", List.of(lines));
  }

  @Test
  void balancedEntryKeepsItsTotalAtCents() {
    JournalEntry e = entry(
        JournalLine.debit("1110", new BigDecimal("125.5"), null),
        JournalLine.credit("4010", new BigDecimal("100"), null),
        JournalLine.credit("4010", new BigDecimal("25.50"), null));
    assertThat(e.total()).isEqualByComparingTo("125.50");
    assertThat(e.total().scale()).isEqualTo(2);
  }

  @Test
  void unbalancedEntryIsRefusedWithBothTotals() {
    assertThatThrownBy(() -> entry(
            JournalLine.debit("1110", new BigDecimal("10.00"), null),
            JournalLine.credit("4010", new BigDecimal("9.99"), null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("debits 10.00, credits 9.99");
  }

  @Test
  void fractionsOfACentAreRefusedNotRounded() {
    assertThatThrownBy(() -> JournalLine.debit("1110", new BigDecimal("10.005"), null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("10.005");
  }

  @Test
  void aLineIsEitherDebitOrCredit() {
    assertThatThrownBy(() -> new JournalLine("1110", BigDecimal.ONE, BigDecimal.ONE, null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new JournalLine("1110", BigDecimal.ZERO, BigDecimal.ZERO, null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> JournalLine.debit("1110", new BigDecimal("-5.00"), null))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void anEntryNeedsTwoSides() {
    assertThatThrownBy(() -> entry(JournalLine.debit("1110", BigDecimal.TEN, null)))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("lines");
  }

  @Test
  void trialBalanceSignsBalancesToTheNormalSide() {
    var receivable = new LedgerAccount("1110", "AR", AccountType.ASSET);
    var revenue = new LedgerAccount("4010", "Revenue", AccountType.REVENUE);
    TrialBalance tb = TrialBalance.of(LocalDate.now(), List.of(
        new TrialBalance.Row(receivable, new BigDecimal("100.00"), new BigDecimal("40.00")),
        new TrialBalance.Row(revenue, new BigDecimal("0.00"), new BigDecimal("60.00"))));
    assertThat(tb.rows().get(0).balance()).isEqualByComparingTo("60.00");
    assertThat(tb.rows().get(1).balance()).isEqualByComparingTo("60.00");
    assertThat(tb.totalDebits()).isEqualByComparingTo("100.00");
    assertThat(tb.balanced()).isTrue();
    TrialBalance off = TrialBalance.of(LocalDate.now(), List.of(
        new TrialBalance.Row(receivable, new BigDecimal("100.00"), new BigDecimal("0.00"))));
    assertThat(off.balanced()).isFalse();
  }
}
