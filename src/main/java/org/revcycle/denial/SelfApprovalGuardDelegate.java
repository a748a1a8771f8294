package org.revcycle.denial;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.revcycle.claim.adjustment.ManualAdjustmentProcess;
import org.revcycle.encounter.EncounterToCashProcess;
import org.springframework.stereotype.Component;

/**
 * Complete listener of Approve write-off and Approve adjustment: nobody approves (or sends back)
 * their own write-off or adjustment. The exception rolls the completion back, so the task stays
 * open for someone else; it reaches the caller as itself (ListenerRefusalInterceptor), so the REST
 * API and Tasklist answer 403 with the reason.
 */
@Component("selfApprovalGuardDelegate")
public class SelfApprovalGuardDelegate implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String approver = authentication == null ? null : authentication.getUserId();
    Object adjustmentRequester = task.getVariable(ManualAdjustmentProcess.VAR_REQUESTED_BY);
    boolean adjustment = adjustmentRequester != null;
    Object requester = adjustment ? adjustmentRequester : task.getVariable(EncounterToCashProcess.VAR_DENIAL_DECIDED_BY);
    if (approver != null && approver.equals(requester)) {
      throw new AuthorizationException("User " + approver + " requested this " + (adjustment ? "adjustment" : "write-off")
          + " and may not approve it: another approver of queue " + task.getVariable(adjustment
          ? ManualAdjustmentProcess.VAR_QUEUE : EncounterToCashProcess.VAR_WRITE_OFF_QUEUE) + " must decide");
    }
  }
}
