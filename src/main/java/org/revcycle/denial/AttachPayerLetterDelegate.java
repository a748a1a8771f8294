package org.revcycle.denial;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN "File payer letter": attaches the letter to the denial of the claim the analyst named, or
 * files it without a claim when none was named. An unknown claim fails the completion with the
 * reason, so the task stays open.
 */
@Component("attachPayerLetterDelegate")
public class AttachPayerLetterDelegate implements JavaDelegate {

  private final PayerLetters letters;

  public AttachPayerLetterDelegate(PayerLetters letters) {
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object pcn = execution.getVariable(DenialManagementProcess.VAR_ATTACH_TO_PCN);
    if (pcn instanceof String claim && !claim.isBlank()) {
      UUID denialId = letters.attachTo(UUID.fromString((String) execution.getVariable(DenialManagementProcess.VAR_LETTER_ID)),
          claim.trim(), (String) execution.getVariable(DenialManagementProcess.VAR_LETTER_TRIAGED_BY));
      execution.setVariable(DenialManagementProcess.VAR_DENIAL_ID, denialId.toString());
    }
  }
}
