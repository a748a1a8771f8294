package org.revcycle.coding;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.revcycle.encounter.EncounterToCashProcess;
import org.springframework.stereotype.Component;

/** BPMN "Apply corrections": what the person entered on the claim-edit form goes onto the claim. */
@Component("applyCodingCorrectionsDelegate")
public class ApplyCodingCorrectionsDelegate implements JavaDelegate {

  private final CodingCorrection correction;

  public ApplyCodingCorrectionsDelegate(CodingCorrection correction) {
    this.correction = correction;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID claimId = UUID.fromString((String) execution.getVariable(EncounterToCashProcess.VAR_CLAIM_ID));
    correction.apply(claimId, new CodingCorrection.Corrections(
            (String) execution.getVariable(EncounterToCashProcess.VAR_CORRECTED_DIAGNOSIS_CODES),
            (String) execution.getVariable(EncounterToCashProcess.VAR_CORRECTED_PRIOR_AUTHORIZATION)),
        (String) execution.getVariable(EncounterToCashProcess.VAR_EDIT_RESOLVED_BY));
    // a later edit on the same claim starts from an empty form
    execution.removeVariable(EncounterToCashProcess.VAR_CORRECTED_DIAGNOSIS_CODES);
    execution.removeVariable(EncounterToCashProcess.VAR_CORRECTED_PRIOR_AUTHORIZATION);
  }
}
