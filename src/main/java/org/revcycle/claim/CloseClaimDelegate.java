package org.revcycle.claim;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Close claim". */
@Component("closeClaimDelegate")
public class CloseClaimDelegate implements JavaDelegate {

  private final ClaimClosing closing;

  public CloseClaimDelegate(ClaimClosing closing) {
    this.closing = closing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("claimStatus", closing.close(UUID.fromString((String) execution.getVariable("claimId"))).name());
  }
}
