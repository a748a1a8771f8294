package org.revcycle.remittance.deposit;

import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Record reconciliation": does what finance decided, or says why it cannot (the task comes back). */
@Component("recordDepositReconciliationDelegate")
public class RecordDepositReconciliationDelegate implements JavaDelegate {

  private final BankDeposits deposits;

  public RecordDepositReconciliationDelegate(BankDeposits deposits) {
    this.deposits = deposits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID id = UUID.fromString((String) execution.getVariable(DepositReconciliationProcess.VAR_DEPOSIT_ID));
    var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    Optional<String> problem = deposits.resolve(id,
        (String) execution.getVariable(DepositReconciliationProcess.VAR_DECISION),
        (String) execution.getVariable(DepositReconciliationProcess.VAR_TRACE),
        (String) execution.getVariable(DepositReconciliationProcess.VAR_NOTE),
        authentication == null ? "finance" : authentication.getUserId());
    execution.setVariable(DepositReconciliationProcess.VAR_PROBLEM, problem.orElse(null));
    execution.setVariable(DepositReconciliationProcess.VAR_RECONCILED, problem.isEmpty());
    execution.setVariable(DepositReconciliationProcess.VAR_SUMMARY, deposits.describe(id));
  }
}
