package org.revcycle.denial;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
    String note = (String) execution.getVariable("denialNote");
    Object approver = execution.getVariable("writeOffApprovedBy");
    resolution.writeOff(UUID.fromString((String) execution.getVariable("claimId")), execution.getProcessBusinessKey(),
        (String) execution.getVariable("denialDecidedBy"), approver == null ? note : note + " (approved by " + approver + ")");
  }
}
