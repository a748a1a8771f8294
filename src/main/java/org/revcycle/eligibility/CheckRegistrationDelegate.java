package org.revcycle.eligibility;

import static org.revcycle.eligibility.RegistrationCheckProcess.VAR_CLAIM_ID;
import static org.revcycle.eligibility.RegistrationCheckProcess.VAR_CLAIM_SUMMARY;
import static org.revcycle.eligibility.RegistrationCheckProcess.VAR_REGISTRATION_COMPLETE;
import static org.revcycle.eligibility.RegistrationCheckProcess.VAR_REGISTRATION_DUE_DATE;
import static org.revcycle.eligibility.RegistrationCheckProcess.VAR_REGISTRATION_PRIORITY;
import static org.revcycle.eligibility.RegistrationCheckProcess.VAR_REGISTRATION_QUEUE;
import static org.revcycle.eligibility.RegistrationCheckProcess.VAR_REGISTRATION_PROBLEMS;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Check registration": runs the check, sets whether it passed and what is wrong. */
@Component("checkRegistrationDelegate")
public class CheckRegistrationDelegate implements JavaDelegate {

  private final RegistrationCheck registrationCheck;

  public CheckRegistrationDelegate(RegistrationCheck registrationCheck) {
    this.registrationCheck = registrationCheck;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID claimId = UUID.fromString((String) execution.getVariable(VAR_CLAIM_ID));
    RegistrationCheck.Result result = registrationCheck.check(claimId);
    List<RegistrationProblem> problems = result.problems();
    execution.setVariable(VAR_CLAIM_SUMMARY, result.claimSummary());
    execution.setVariable(VAR_REGISTRATION_COMPLETE, problems.isEmpty());
    execution.setVariable(
        VAR_REGISTRATION_PROBLEMS,
        problems.stream().map(RegistrationProblem::toString).collect(Collectors.joining("\n")));
    if (result.route() != null) {
      execution.setVariable(VAR_REGISTRATION_QUEUE, result.route().queue());
      execution.setVariable(VAR_REGISTRATION_PRIORITY, result.route().priority());
      execution.setVariable(VAR_REGISTRATION_DUE_DATE, result.route().due());
    }
  }
}
