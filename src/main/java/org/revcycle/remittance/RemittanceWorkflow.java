package org.revcycle.remittance;

import org.camunda.bpm.engine.RuntimeService;
import org.revcycle.encounter.EncounterToCashProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Tells a claim's encounter-to-cash instance that its remittance has arrived. */
@Component
public class RemittanceWorkflow {

  private static final Logger log = LoggerFactory.getLogger(RemittanceWorkflow.class);

  private final RuntimeService runtimeService;
  private final TransactionTemplate ownTransaction;

  public RemittanceWorkflow(RuntimeService runtimeService, PlatformTransactionManager transactions) {
    this.runtimeService = runtimeService;
    // its own transaction: it is called after the remittance's transaction has committed
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Starts the posting of one 835 file (business key: the file id); runs until its first asynchronous step. */
  public void startFilePosting(java.util.UUID fileId) {
    runtimeService.startProcessInstanceByKey(RemittancePostingProcess.PROCESS_KEY, fileId.toString(),
        java.util.Map.of(RemittancePostingProcess.VAR_FILE_ID, fileId.toString()));
  }

  /**
   * @return false when no instance of that claim is waiting for it right now, or the wake-up
   *     failed; the remittance is stored, and the process finds it when it next looks (or the
   *     sweeper tries again)
   */
  public boolean notifyArrival(String patientControlNumber) {
    try {
      // correlateAll: no instance waiting is a normal answer (the claim is not there yet, or done),
      // not an exception that the engine logs as an error and rolls back
      Boolean woken = ownTransaction.execute(status ->
          !runtimeService.createMessageCorrelation(EncounterToCashProcess.MESSAGE_REMITTANCE_RECEIVED)
              .processInstanceBusinessKey(patientControlNumber)
              .correlateAllWithResult().isEmpty());
      return Boolean.TRUE.equals(woken);
    } catch (RuntimeException e) {
      log.warn("Waking claim {} for its remittance failed; the sweeper will try again", patientControlNumber, e);
      return false;
    }
  }
}
