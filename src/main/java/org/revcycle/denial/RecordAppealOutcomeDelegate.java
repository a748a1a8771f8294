package org.revcycle.denial;

import java.math.BigDecimal;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Record appeal outcome": won with what the payer will pay, or lost. */
@Component("recordAppealOutcomeDelegate")
public class RecordAppealOutcomeDelegate implements JavaDelegate {

  private final DenialManagement management;

  public RecordAppealOutcomeDelegate(DenialManagement management) {
    this.management = management;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean won = "WON".equals(execution.getVariable(DenialManagementProcess.VAR_APPEAL_OUTCOME));
    Object recovered = execution.getVariable(DenialManagementProcess.VAR_RECOVERED_AMOUNT);
    management.recordAppealOutcome(UUID.fromString((String) execution.getVariable(DenialManagementProcess.VAR_DENIAL_ID)),
        won, recovered == null || recovered.toString().isBlank() ? null : new BigDecimal(recovered.toString().trim()),
        (String) execution.getVariable(DenialManagementProcess.VAR_APPEAL_DECIDED_BY));
  }
}
