package org.revcycle.remittance;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN "Describe unmatched claim": what the billing specialist sees. The task's answers are made
 * local to this claim's instance, so parallel tasks of one file do not overwrite each other.
 */
@Component("describeUnmatchedRemittanceDelegate")
public class DescribeUnmatchedRemittanceDelegate implements JavaDelegate {

  private final UnmatchedRemittances unmatched;

  public DescribeUnmatchedRemittanceDelegate(UnmatchedRemittances unmatched) {
    this.unmatched = unmatched;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID id = UUID.fromString((String) execution.getVariable(RemittancePostingProcess.VAR_REMITTANCE_ID));
    execution.setVariableLocal(RemittancePostingProcess.VAR_UNMATCHED_SUMMARY, unmatched.describe(id));
    execution.setVariableLocal(RemittancePostingProcess.VAR_RESOLUTION, null);
    execution.setVariableLocal(RemittancePostingProcess.VAR_APPLY_TO, null);
    execution.setVariableLocal(RemittancePostingProcess.VAR_APPLY_PROBLEM, null);
    execution.setVariableLocal(RemittancePostingProcess.VAR_RESOLVED, false);
  }
}
