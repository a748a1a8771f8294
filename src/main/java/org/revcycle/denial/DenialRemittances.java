package org.revcycle.denial;

import org.revcycle.remittance.ClaimDenialRemitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * 835 denials as posting records them: one for a claim whose denial is already open from its claim
 * status (277 F2) joins that denial, and its open Review denial moves to the team of the root cause
 * the codes now give. In the posting's transaction, so the 835 is never left for the claim's process
 * to take as a second denial.
 */
@Component
class DenialRemittances {

  private final DenialManagement management;
  private final PayerLetterWorkflow workflow;

  DenialRemittances(DenialManagement management, PayerLetterWorkflow workflow) {
    this.management = management;
    this.workflow = workflow;
  }

  @EventListener
  void denialRemitted(ClaimDenialRemitted event) {
    management.attachRemittance(event.claimId(), event.remittanceId())
        .ifPresent(routing -> workflow.rerouted(management.denial(routing.denialId()).patientControlNumber(), routing));
  }
}
