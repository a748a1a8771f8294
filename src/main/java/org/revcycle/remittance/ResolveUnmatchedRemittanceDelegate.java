package org.revcycle.remittance;

import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Apply or leave unapplied": does what the billing specialist decided, or says why it cannot. */
@Component("resolveUnmatchedRemittanceDelegate")
public class ResolveUnmatchedRemittanceDelegate implements JavaDelegate {

  private final UnmatchedRemittances unmatched;

  public ResolveUnmatchedRemittanceDelegate(UnmatchedRemittances unmatched) {
    this.unmatched = unmatched;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID id = UUID.fromString((String) execution.getVariable(RemittancePostingProcess.VAR_REMITTANCE_ID));
    String resolution = (String) execution.getVariable(RemittancePostingProcess.VAR_RESOLUTION);
    Optional<String> problem;
    if ("LEAVE_UNAPPLIED".equals(resolution)) {
      unmatched.leaveUnapplied(id);
      problem = Optional.empty();
    } else if ("APPLY".equals(resolution)) {
      String user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null ? "billing"
          : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
      problem = unmatched.apply(id, (String) execution.getVariable(RemittancePostingProcess.VAR_APPLY_TO), user);
    } else {
      problem = Optional.of("Choose: apply to a claim, or leave in unapplied cash.");
    }
    execution.setVariable(RemittancePostingProcess.VAR_APPLY_PROBLEM, problem.orElse(null));
    execution.setVariable(RemittancePostingProcess.VAR_RESOLVED, problem.isEmpty());
  }
}
