package org.revcycle.claim;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.revcycle.encounter.EncounterToCashProcess;
import org.springframework.stereotype.Component;

/** BPMN "Request claim status (276)": finalized at the payer, to be asked again later, or to be followed up now. */
@Component("requestClaimStatusDelegate")
public class RequestClaimStatusDelegate implements JavaDelegate {

  private final ClaimSubmissions submissions;

  public RequestClaimStatusDelegate(ClaimSubmissions submissions) {
    this.submissions = submissions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ClaimSubmissions.StatusRequestOutcome outcome =
        submissions.requestStatus(UUID.fromString((String) execution.getVariable(EncounterToCashProcess.VAR_CLAIM_ID)));
    execution.setVariable(EncounterToCashProcess.VAR_CLAIM_STATUS_FINAL, outcome.finalized());
    execution.setVariable(EncounterToCashProcess.VAR_CLAIM_STATUS_REPORT, outcome.report());
    execution.setVariable(EncounterToCashProcess.VAR_CLAIM_STATUS_DENIED, outcome.denied());
    execution.setVariable(ClaimSubmissionProcess.VAR_ESCALATE_LATE_CLAIM, outcome.escalate());
    execution.setVariable(ClaimSubmissionProcess.VAR_STATUS_POLL_INTERVAL, outcome.nextPoll().toString());
    if (outcome.route() != null) {
      execution.setVariable(EncounterToCashProcess.VAR_LATE_CLAIM_QUEUE, outcome.route().queue());
      execution.setVariable(EncounterToCashProcess.VAR_LATE_CLAIM_PRIORITY, outcome.route().priority());
      execution.setVariable(EncounterToCashProcess.VAR_LATE_CLAIM_DUE_DATE, outcome.route().due());
    }
  }
}
