package org.revcycle.claim;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Starts the upload of a claim batch and wakes claims with what the clearinghouse and payer answered. */
@Component
public class ClaimSubmissionWorkflow {

  private static final Logger log = LoggerFactory.getLogger(ClaimSubmissionWorkflow.class);

  private final RuntimeService runtimeService;

  public ClaimSubmissionWorkflow(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** The upload runs as an asynchronous step of its own process: a clearinghouse that is down becomes an incident. */
  public void startUpload(UUID batchId) {
    runtimeService.startProcessInstanceByKey(ClaimSubmissionProcess.BATCH_PROCESS_KEY, batchId.toString(),
        Map.of(ClaimSubmissionProcess.VAR_BATCH_ID, batchId.toString()));
  }

  /**
   * Correlates an acknowledgment to the claim waiting for it, in the caller's transaction.
   *
   * @return false when no instance of the claim waits for this message (the answer is recorded on the claim all the same)
   */
  public boolean acknowledge(String patientControlNumber, String message, Map<String, Object> variables) {
    boolean woken = !runtimeService.createMessageCorrelation(message)
        .processInstanceBusinessKey(patientControlNumber)
        .setVariables(variables)
        .correlateAllWithResult().isEmpty();
    if (!woken) {
      log.warn("Claim {} was not waiting for {}", patientControlNumber, message);
    }
    return woken;
  }
}
