package org.revcycle.remittance.deposit;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.revcycle.workqueue.WorkQueueRouter;
import org.springframework.stereotype.Component;

/** BPMN "Match deposit to 835 payment": by trace number and amount; describes it for finance when it does not. */
@Component("matchDepositDelegate")
public class MatchDepositDelegate implements JavaDelegate {

  private final BankDeposits deposits;
  private final WorkQueueRouter router;

  public MatchDepositDelegate(BankDeposits deposits, WorkQueueRouter router) {
    this.deposits = deposits;
    this.router = router;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID id = UUID.fromString((String) execution.getVariable(DepositReconciliationProcess.VAR_DEPOSIT_ID));
    boolean matched = deposits.match(id) == BankDepositRepository.MatchStatus.MATCHED;
    execution.setVariable(DepositReconciliationProcess.VAR_RECONCILED, matched);
    execution.setVariable(DepositReconciliationProcess.VAR_SUMMARY, deposits.describe(id));
    if (!matched) {
      WorkQueueRouter.Route route = router.routeFileException("DEPOSIT_RECONCILIATION", deposits.amount(id));
      execution.setVariable(DepositReconciliationProcess.VAR_QUEUE, route.queue());
      execution.setVariable(DepositReconciliationProcess.VAR_DUE_DATE, route.due());
      execution.setVariable(DepositReconciliationProcess.VAR_PRIORITY, route.priority());
    }
  }
}
