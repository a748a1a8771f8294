package org.revcycle.remittance;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.revcycle.encounter.EncounterToCashProcess;
import org.springframework.stereotype.Component;

/** Tells a claim's encounter-to-cash instance that its remittance has arrived. */
@Component
public class RemittanceWorkflow {

  private final RuntimeService runtimeService;

  public RemittanceWorkflow(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /**
   * @return false when no instance of that claim is waiting for it right now; the remittance is
   *     stored, and the process finds it when it next looks (or the sweeper tries again)
   */
  public boolean notifyArrival(String patientControlNumber) {
    try {
      runtimeService.createMessageCorrelation(EncounterToCashProcess.MESSAGE_REMITTANCE_RECEIVED)
          .processInstanceBusinessKey(patientControlNumber)
          .correlateWithResult();
      return true;
    } catch (MismatchingMessageCorrelationException notWaiting) {
      return false;
    }
  }
}
