package org.revcycle.claim;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.revcycle.encounter.EncounterToCashProcess;
import org.springframework.stereotype.Component;

/** BPMN "Queue claim for the next batch": the claim goes out with its payer's next 837 batch. */
@Component("submitClaimDelegate")
public class SubmitClaimDelegate implements JavaDelegate {

  private final ClaimBatches batches;

  public SubmitClaimDelegate(ClaimBatches batches) {
    this.batches = batches;
  }

  @Override
  public void execute(DelegateExecution execution) {
    batches.queue(UUID.fromString((String) execution.getVariable(EncounterToCashProcess.VAR_CLAIM_ID)));
  }
}
