package org.revcycle.remittance.deposit;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts the reconciliation of one deposit (business key: the deposit id), in the caller's transaction. */
@Component
public class DepositReconciliationWorkflow {

  private final RuntimeService runtimeService;

  public DepositReconciliationWorkflow(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** Closes the deposit's "Reconcile deposit" task (the 835 arrived and matched); nothing when no task is open. */
  public void paymentMatched(UUID depositId) {
    try {
      runtimeService.createMessageCorrelation(DepositReconciliationProcess.MESSAGE_PAYMENT_MATCHED)
          .processInstanceBusinessKey(depositId.toString())
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException notWaiting) {
      // the instance is still at its own match step, which will find the deposit matched
    }
  }

  public void startReconciliation(UUID depositId) {
    runtimeService.startProcessInstanceByKey(DepositReconciliationProcess.PROCESS_KEY, depositId.toString(),
        Map.of(DepositReconciliationProcess.VAR_DEPOSIT_ID, depositId.toString()));
  }
}
