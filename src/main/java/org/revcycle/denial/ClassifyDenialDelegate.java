package org.revcycle.denial;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.revcycle.encounter.EncounterToCashProcess;
import org.springframework.stereotype.Component;

/** BPMN "Classify root cause": records the denial, classifies and routes it. */
@Component("classifyDenialDelegate")
public class ClassifyDenialDelegate implements JavaDelegate {

  private final DenialManagement management;

  public ClassifyDenialDelegate(DenialManagement management) {
    this.management = management;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID claimId = UUID.fromString((String) execution.getVariable(EncounterToCashProcess.VAR_CLAIM_ID));
    // denied on the payer's claim status (277 F2): no 835 yet, only the status text
    DenialManagement.Routing routing = Boolean.TRUE.equals(execution.getVariable(EncounterToCashProcess.VAR_CLAIM_STATUS_DENIED))
        ? management.openFromClaimStatus(claimId, execution.getProcessBusinessKey(),
            (String) execution.getVariable(EncounterToCashProcess.VAR_CLAIM_STATUS_REPORT))
        : management.open(claimId, execution.getProcessBusinessKey(),
            UUID.fromString((String) execution.getVariable(EncounterToCashProcess.VAR_REMITTANCE_ID)));
    execution.setVariable(DenialManagementProcess.VAR_DENIAL_ID, routing.denialId().toString());
    execution.setVariables(RoutingVariables.of(routing));
  }
}
