package org.revcycle.claim;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.revcycle.encounter.EncounterToCashProcess;
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
   * Starts claim-void for the claim (business key: its patient control number). What the claim's own
   * encounter-to-cash instance still waits for (an open denial review) ends first: the void takes over.
   */
  public void startVoid(UUID claimId, String patientControlNumber, String requestedBy) {
    runtimeService.createProcessInstanceQuery().processDefinitionKey(EncounterToCashProcess.KEY)
        .processInstanceBusinessKey(patientControlNumber).active().list()
        .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "claim voided by " + requestedBy));
    runtimeService.startProcessInstanceByKey(ClaimVoidProcess.KEY, patientControlNumber,
        Map.of(EncounterToCashProcess.VAR_CLAIM_ID, claimId.toString()));
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
