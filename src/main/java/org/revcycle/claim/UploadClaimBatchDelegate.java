package org.revcycle.claim;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Upload 837 batch": the batch file, as written, to the clearinghouse's outbound folder. */
@Component("uploadClaimBatchDelegate")
public class UploadClaimBatchDelegate implements JavaDelegate {

  private final ClaimBatches batches;

  public UploadClaimBatchDelegate(ClaimBatches batches) {
    this.batches = batches;
  }

  @Override
  public void execute(DelegateExecution execution) {
    batches.upload(UUID.fromString((String) execution.getVariable(ClaimSubmissionProcess.VAR_BATCH_ID)));
  }
}
