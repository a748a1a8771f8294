package org.revcycle.claim;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.revcycle.encounter.EncounterToCashProcess;
import org.springframework.stereotype.Component;

/** BPMN "Record void": the claim is VOIDED once the payer's reversal has posted. */
@Component("recordVoidDelegate")
public class RecordVoidDelegate implements JavaDelegate {

  private final ClaimVoids voids;

  public RecordVoidDelegate(ClaimVoids voids) {
    this.voids = voids;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(ClaimVoidProcess.VAR_VOID_REVERSED, voids.recordVoid(
        UUID.fromString((String) execution.getVariable(EncounterToCashProcess.VAR_CLAIM_ID)), execution.getProcessBusinessKey()));
  }
}
