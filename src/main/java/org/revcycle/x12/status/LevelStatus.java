package org.revcycle.x12.status;

import java.math.BigDecimal;
import java.util.List;

/**
 * A status about a whole level rather than one claim: the information receiver (HL03 21, loop
 * 2200B) or a provider (19, 2200C). In a 277 this is how a payer says the whole request could not
 * be answered (E0, E1 ...); in a 277CA it carries the batch's received totals (QTY*90/AA accepted
 * and rejected counts, AMT*YU/YY accepted and rejected amounts).
 */
public record LevelStatus(
    String level,
    String traceNumber,
    List<StatusInformation> statuses,
    Integer acceptedQuantity,
    Integer rejectedQuantity,
    BigDecimal acceptedAmount,
    BigDecimal rejectedAmount) {

  public LevelStatus {
    statuses = List.copyOf(statuses);
  }
}
