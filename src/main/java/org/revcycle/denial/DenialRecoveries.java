package org.revcycle.denial;

import org.revcycle.remittance.ClaimRemittanceTaken;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The payer's answer to a replacement claim or a won appeal: the worked denial gets what was recovered. */
@Component
class DenialRecoveries {

  private final DenialManagement management;

  DenialRecoveries(DenialManagement management) {
    this.management = management;
  }

  @EventListener
  void remittanceTaken(ClaimRemittanceTaken event) {
    management.recordRecovery(event.claimId(), event.remittanceId(), event.denied());
  }
}
