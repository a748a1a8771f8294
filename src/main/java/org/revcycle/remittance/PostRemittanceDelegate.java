package org.revcycle.remittance;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.revcycle.encounter.EncounterToCashProcess;
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
    UUID claimId = UUID.fromString((String) execution.getVariable(EncounterToCashProcess.VAR_CLAIM_ID));
    // denied on the payer's claim status (277 F2) with no 835: nothing to post, the denial is worked
    RemittancePosting.Outcome outcome = Boolean.TRUE.equals(execution.getVariable(EncounterToCashProcess.VAR_CLAIM_STATUS_DENIED))
        ? posting.deniedOnClaimStatus(claimId, (String) execution.getVariable(EncounterToCashProcess.VAR_CLAIM_STATUS_REPORT))
        : posting.post(claimId, UUID.fromString((String) execution.getVariable(EncounterToCashProcess.VAR_REMITTANCE_ID)));
    execution.setVariable(EncounterToCashProcess.VAR_DENIED, outcome.denied());
    execution.setVariable(EncounterToCashProcess.VAR_PATIENT_OWES, outcome.patientOwes());
    execution.setVariable(EncounterToCashProcess.VAR_DENIAL_SUMMARY, outcome.denialSummary());
    execution.setVariable(EncounterToCashProcess.VAR_DENIAL_EXPLANATION, outcome.denialExplanation());
  }
}
