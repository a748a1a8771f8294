package org.revcycle.claim;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.revcycle.encounter.EncounterToCashProcess;
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
    ClaimSubmissions.Outcome outcome = submissions.submit(UUID.fromString((String) execution.getVariable(EncounterToCashProcess.VAR_CLAIM_ID)));
    execution.setVariable(EncounterToCashProcess.VAR_CLAIM_ACCEPTED, outcome.accepted());
    if (!outcome.accepted()) {
      execution.setVariable(EncounterToCashProcess.VAR_REJECTION_REASONS, outcome.rejectionReasons());
      execution.setVariable(EncounterToCashProcess.VAR_EDIT_QUEUE, outcome.route().queue());
      execution.setVariable(EncounterToCashProcess.VAR_EDIT_PRIORITY, outcome.route().priority());
      execution.setVariable(EncounterToCashProcess.VAR_EDIT_DUE_DATE, outcome.route().due());
    }
  }
}
