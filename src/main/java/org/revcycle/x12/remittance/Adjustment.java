package org.revcycle.x12.remittance;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * One CAS triple: group (CO, PR, OA, PI, CR), reason (CARC) and amount, with units where given.
 * Negative amounts are legal: they undo an earlier adjustment.
 */
public record Adjustment(String group, String reason, BigDecimal amount, BigDecimal quantity) {

  static BigDecimal sum(Collection<Adjustment> adjustments) {
    BigDecimal total = BigDecimal.ZERO;
    for (Adjustment adjustment : adjustments) {
      total = total.add(adjustment.amount());
    }
    return total;
  }
}
