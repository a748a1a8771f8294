package org.revcycle.claim;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Request claim status (276)": whether the payer has finalized the claim. */
@Component("requestClaimStatusDelegate")
public class RequestClaimStatusDelegate implements JavaDelegate {

  private final ClaimSubmissions submissions;

  public RequestClaimStatusDelegate(ClaimSubmissions submissions) {
    this.submissions = submissions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ClaimSubmissions.StatusRequestOutcome outcome =
        submissions.requestStatus(UUID.fromString((String) execution.getVariable("claimId")));
    execution.setVariable("claimStatusFinal", outcome.finalized());
    execution.setVariable("claimStatusReport", outcome.report());
  }
}
