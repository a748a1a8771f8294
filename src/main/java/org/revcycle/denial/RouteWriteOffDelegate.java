package org.revcycle.denial;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.revcycle.encounter.EncounterToCashProcess;
import org.springframework.stereotype.Component;

/** BPMN "Route write-off for approval": the amount, and whether (and by whom) it must be approved. */
@Component("routeWriteOffDelegate")
public class RouteWriteOffDelegate implements JavaDelegate {

  private final DenialResolution resolution;

  public RouteWriteOffDelegate(DenialResolution resolution) {
    this.resolution = resolution;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DenialResolution.WriteOffRoute route = resolution.routeWriteOff(
        UUID.fromString((String) execution.getVariable(EncounterToCashProcess.VAR_CLAIM_ID)), execution.getProcessBusinessKey());
    execution.setVariable(EncounterToCashProcess.VAR_WRITE_OFF_AMOUNT, route.amount().toPlainString());
    execution.setVariable(EncounterToCashProcess.VAR_WRITE_OFF_APPROVAL_NEEDED, route.approvalNeeded());
    execution.setVariable(EncounterToCashProcess.VAR_WRITE_OFF_QUEUE, route.route().queue());
    execution.setVariable(EncounterToCashProcess.VAR_WRITE_OFF_PRIORITY, route.route().priority());
    execution.setVariable(EncounterToCashProcess.VAR_WRITE_OFF_DUE_DATE, route.route().due());
  }
}
