package org.revcycle.claim;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Submit claim to clearinghouse": accepted, or the rejection and the queue that corrects it. */
@Component("submitClaimDelegate")
public class SubmitClaimDelegate implements JavaDelegate {

  private final ClaimSubmissions submissions;

  public SubmitClaimDelegate(ClaimSubmissions submissions) {
    this.submissions = submissions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ClaimSubmissions.Outcome outcome = submissions.submit(UUID.fromString((String) execution.getVariable("claimId")));
    execution.setVariable("claimAccepted", outcome.accepted());
    if (!outcome.accepted()) {
      execution.setVariable("rejectionReasons", outcome.rejectionReasons());
      execution.setVariable("editQueue", outcome.route().queue());
      execution.setVariable("editPriority", outcome.route().priority());
      execution.setVariable("editDueDate", outcome.route().due());
    }
  }
}
