package org.revcycle.x12.claim;

import java.math.BigDecimal;

/**
 * One CAS triple as the prior payer adjudicated it: group (CO, PR, OA, PI, CR), reason (CARC),
 * amount and, when sent, quantity. A CAS segment holds up to six of one group; the writer packs them.
 */
public record Adjustment(String group, String reason, BigDecimal amount, BigDecimal quantity) {

  public static Adjustment of(String group, String reason, BigDecimal amount) {
    return new Adjustment(group, reason, amount, null);
  }
}
