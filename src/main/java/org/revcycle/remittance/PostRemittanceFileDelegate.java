package org.revcycle.remittance;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Post claims and provider adjustments": resumes where a failed attempt stopped. */
@Component("postRemittanceFileDelegate")
public class PostRemittanceFileDelegate implements JavaDelegate {

  private final RemittanceFilePosting posting;

  public PostRemittanceFileDelegate(RemittanceFilePosting posting) {
    this.posting = posting;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RemittanceFilePosting.Posted posted = posting.post(UUID.fromString((String) execution.getVariable(RemittancePostingProcess.VAR_FILE_ID)));
    execution.setVariable(RemittancePostingProcess.VAR_UNMATCHED, posted.unmatchedRemittances().stream().map(UUID::toString).toList());
    execution.setVariable(RemittancePostingProcess.VAR_HAS_UNMATCHED, !posted.unmatchedRemittances().isEmpty());
    execution.setVariable(RemittancePostingProcess.VAR_POSTING_SUMMARY, posted.claims() + " claims: " + posted.matched()
        + " matched, " + posted.unmatched() + " unmatched, " + posted.alreadyTaken() + " taken before");
  }
}
