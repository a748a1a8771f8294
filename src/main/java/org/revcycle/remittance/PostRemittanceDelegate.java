package org.revcycle.remittance;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Post remittance to ledger": whether the claim was denied and whether the patient owes. */
@Component("postRemittanceDelegate")
public class PostRemittanceDelegate implements JavaDelegate {

  private final RemittancePosting posting;

  public PostRemittanceDelegate(RemittancePosting posting) {
    this.posting = posting;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RemittancePosting.Outcome outcome = posting.post(UUID.fromString((String) execution.getVariable("claimId")),
        UUID.fromString((String) execution.getVariable("remittanceId")));
    execution.setVariable("denied", outcome.denied());
    execution.setVariable("patientOwes", outcome.patientOwes());
    execution.setVariable("denialSummary", outcome.denialSummary());
  }
}
