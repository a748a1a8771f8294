package org.revcycle.patient;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.revcycle.encounter.EncounterToCashProcess;
import org.springframework.stereotype.Component;

/** BPMN "Issue patient statement". */
@Component("issueStatementDelegate")
public class IssueStatementDelegate implements JavaDelegate {

  private final PatientStatements statements;

  public IssueStatementDelegate(PatientStatements statements) {
    this.statements = statements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    statements.issue(UUID.fromString((String) execution.getVariable(EncounterToCashProcess.VAR_CLAIM_ID)));
  }
}
