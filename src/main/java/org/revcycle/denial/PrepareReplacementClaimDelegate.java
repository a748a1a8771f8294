package org.revcycle.denial;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.revcycle.encounter.EncounterToCashProcess;
import org.springframework.stereotype.Component;

/** BPMN "Prepare replacement claim": the corrected claim goes out with frequency code 7. */
@Component("prepareReplacementClaimDelegate")
public class PrepareReplacementClaimDelegate implements JavaDelegate {

  private final DenialResolution resolution;

  public PrepareReplacementClaimDelegate(DenialResolution resolution) {
    this.resolution = resolution;
  }

  @Override
  public void execute(DelegateExecution execution) {
    resolution.prepareReplacement(UUID.fromString((String) execution.getVariable(EncounterToCashProcess.VAR_CLAIM_ID)),
        execution.getProcessBusinessKey(), (String) execution.getVariable(EncounterToCashProcess.VAR_DENIAL_DECIDED_BY), (String) execution.getVariable(EncounterToCashProcess.VAR_DENIAL_NOTE));
  }
}
