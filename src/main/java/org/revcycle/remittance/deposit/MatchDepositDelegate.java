package org.revcycle.remittance.deposit;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Match deposit to 835 payment": by trace number and amount; describes it for finance when it does not. */
@Component("matchDepositDelegate")
public class MatchDepositDelegate implements JavaDelegate {

  private final BankDeposits deposits;

  public MatchDepositDelegate(BankDeposits deposits) {
    this.deposits = deposits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID id = UUID.fromString((String) execution.getVariable(DepositReconciliationProcess.VAR_DEPOSIT_ID));
    boolean matched = deposits.match(id) == BankDepositRepository.MatchStatus.MATCHED;
    execution.setVariable(DepositReconciliationProcess.VAR_RECONCILED, matched);
    execution.setVariable(DepositReconciliationProcess.VAR_SUMMARY, deposits.describe(id));
  }
}
