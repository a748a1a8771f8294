package org.revcycle.remittance;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.revcycle.encounter.EncounterToCashProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Tells a claim's encounter-to-cash instance that its remittance has arrived. */
@Component
public class RemittanceWorkflow {

  private static final Logger log = LoggerFactory.getLogger(RemittanceWorkflow.class);

  private final RuntimeService runtimeService;
  private final ProcessEngine processEngine;

  public RemittanceWorkflow(RuntimeService runtimeService, ProcessEngine processEngine) {
    this.runtimeService = runtimeService;
    this.processEngine = processEngine;
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
      // a command context and transaction of its own, even when called from a job (Wake claims'
      // processes): the engine would otherwise reuse the job's command context and flush this claim
      // with the job, so that a failure there (a deadlock, an optimistic lock) undid the claim's
      // wake-up while the remittance it took stayed marked taken. Each claim wakes whole or not at all.
      Boolean woken = requiresNew().execute(commandContext ->
          !runtimeService.createMessageCorrelation(EncounterToCashProcess.MESSAGE_REMITTANCE_RECEIVED)
              .processInstanceBusinessKey(patientControlNumber)
              .correlateAllWithResult().isEmpty());
      return Boolean.TRUE.equals(woken);
    } catch (RuntimeException e) {
      log.warn("Waking claim {} for its remittance failed; the sweeper will try again", patientControlNumber, e);
      return false;
    }
  }

  private CommandExecutor requiresNew() {
    return ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequiresNew();
  }
}
