package org.revcycle.denial;

import org.revcycle.claim.ClaimVoidRequested;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A claim voided while its denial is open: the denial is closed as VOIDED (nothing is left to
 * recover on a claim billed in error), so it leaves the queues and the open-denial counts. The
 * claim's process, and with it the denial review, is ended by the void itself.
 */
@Component
class DenialsOnVoid {

  private final DenialManagement management;

  DenialsOnVoid(DenialManagement management) {
    this.management = management;
  }

  @EventListener
  void voidRequested(ClaimVoidRequested event) {
    management.closeOnVoid(event.claimId(), event.requestedBy(), event.at());
  }
}
