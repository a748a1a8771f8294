package org.revcycle.denial;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Record root cause and route": the analyst's root cause becomes a labelled example; the denial goes to its team. */
@Component("recordRootCauseDelegate")
public class RecordRootCauseDelegate implements JavaDelegate {

  private final DenialManagement management;

  public RecordRootCauseDelegate(DenialManagement management) {
    this.management = management;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RootCause rootCause = RootCause.valueOf((String) execution.getVariable(DenialManagementProcess.VAR_TRIAGED_ROOT_CAUSE));
    DenialManagement.Routing routing = management.recordRootCause(
        UUID.fromString((String) execution.getVariable(DenialManagementProcess.VAR_DENIAL_ID)), rootCause,
        (String) execution.getVariable(DenialManagementProcess.VAR_TRIAGED_BY));
    execution.setVariables(RoutingVariables.of(routing));
  }
}
