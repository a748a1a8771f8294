package org.revcycle.denial;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.revcycle.encounter.EncounterToCashProcess;
import org.springframework.stereotype.Component;

/** BPMN "Generate appeal letter": the letter, the payer's deadline for the timer, and who waits for the answer. */
@Component("generateAppealLetterDelegate")
public class GenerateAppealLetterDelegate implements JavaDelegate {

  private final AppealLetters letters;

  public GenerateAppealLetterDelegate(AppealLetters letters) {
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String denialId = (String) execution.getVariable(DenialManagementProcess.VAR_DENIAL_ID);
    Object priority = execution.getVariable(EncounterToCashProcess.VAR_DENIAL_PRIORITY);
    AppealLetters.Appeal appeal = letters.generate(UUID.fromString(denialId),
        priority instanceof Number n ? n.intValue() : 50);
    execution.setVariable(DenialManagementProcess.VAR_APPEAL_LETTER, appeal.letter());
    execution.setVariable(DenialManagementProcess.VAR_APPEAL_LETTER_LINK, "/api/denials/" + denialId + "/appeal-letter");
    execution.setVariable(DenialManagementProcess.VAR_APPEAL_DEADLINE, appeal.due());
    execution.setVariable(DenialManagementProcess.VAR_APPEAL_QUEUE, appeal.queue());
    execution.setVariable(DenialManagementProcess.VAR_APPEAL_PRIORITY, appeal.priority());
    execution.setVariable(DenialManagementProcess.VAR_APPEAL_DUE_DATE, appeal.due());
  }
}
