package org.revcycle.denial;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
        UUID.fromString((String) execution.getVariable("claimId")), execution.getProcessBusinessKey());
    execution.setVariable("writeOffAmount", route.amount().toPlainString());
    execution.setVariable("writeOffApprovalNeeded", route.approvalNeeded());
    execution.setVariable("writeOffQueue", route.route().queue());
    execution.setVariable("writeOffPriority", route.route().priority());
    execution.setVariable("writeOffDueDate", route.route().due());
  }
}
