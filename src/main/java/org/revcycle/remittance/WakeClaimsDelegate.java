package org.revcycle.remittance;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Wake claims' processes": each matched claim's encounter-to-cash instance gets its remittance. */
@Component("wakeClaimsDelegate")
public class WakeClaimsDelegate implements JavaDelegate {

  private final RemittanceFilePosting posting;

  public WakeClaimsDelegate(RemittanceFilePosting posting) {
    this.posting = posting;
  }

  @Override
  public void execute(DelegateExecution execution) {
    posting.wakeClaims(UUID.fromString((String) execution.getVariable(RemittancePostingProcess.VAR_FILE_ID)));
  }
}
