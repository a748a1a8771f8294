package org.revcycle.denial;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.revcycle.encounter.EncounterToCashProcess;
import org.springframework.stereotype.Component;

/** BPMN "Write off denied balance", as the denial analyst decided. */
@Component("writeOffDenialDelegate")
public class WriteOffDenialDelegate implements JavaDelegate {

  private final DenialResolution resolution;

  public WriteOffDenialDelegate(DenialResolution resolution) {
    this.resolution = resolution;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String note = (String) execution.getVariable(EncounterToCashProcess.VAR_DENIAL_NOTE);
    Object approver = execution.getVariable(EncounterToCashProcess.VAR_WRITE_OFF_APPROVED_BY);
    resolution.writeOff(UUID.fromString((String) execution.getVariable(EncounterToCashProcess.VAR_CLAIM_ID)), execution.getProcessBusinessKey(),
        (String) execution.getVariable(EncounterToCashProcess.VAR_DENIAL_DECIDED_BY), approver == null ? note : note + " (approved by " + approver + ")");
  }
}
