package org.revcycle.remittance;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Validate balancing": claim, line and file (with PLB) balance, or the file goes to a person. */
@Component("validateRemittanceFileDelegate")
public class ValidateRemittanceFileDelegate implements JavaDelegate {

  private final RemittanceFileValidation validation;
  private final RemittanceFileRepository files;

  public ValidateRemittanceFileDelegate(RemittanceFileValidation validation, RemittanceFileRepository files) {
    this.validation = validation;
    this.files = files;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID fileId = UUID.fromString((String) execution.getVariable(RemittancePostingProcess.VAR_FILE_ID));
    boolean balanced = validation.validate(fileId);
    execution.setVariable(RemittancePostingProcess.VAR_FILE_BALANCED, balanced);
    if (!balanced) {
      var file = files.find(fileId).orElseThrow();
      execution.setVariable(RemittancePostingProcess.VAR_PROBLEM_SUMMARY, file.problemCount() + " problem(s), trace "
          + file.traceNumber() + ": " + (file.problems() == null ? "" : file.problems()));
    }
  }
}
