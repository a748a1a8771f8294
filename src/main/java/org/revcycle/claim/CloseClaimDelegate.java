package org.revcycle.claim;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.revcycle.encounter.EncounterToCashProcess;
import org.springframework.stereotype.Component;

/** BPMN "Close claim". */
@Component("closeClaimDelegate")
public class CloseClaimDelegate implements JavaDelegate {

  private final ClaimClosing closing;

  public CloseClaimDelegate(ClaimClosing closing) {
    this.closing = closing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(EncounterToCashProcess.VAR_CLAIM_STATUS, closing.close(UUID.fromString((String) execution.getVariable(EncounterToCashProcess.VAR_CLAIM_ID))).name());
  }
}
