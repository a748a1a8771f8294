package org.revcycle.denial;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * Complete listener of Triage payer letter: the claim the analyst names must have a denial to
 * attach the letter to. A FormFieldValidationException rolls the completion back (the task stays
 * open, nothing is filed) and reaches the caller as itself (ListenerRefusalInterceptor), so the REST
 * API and Tasklist answer 400 naming the claim, not 500.
 */
@Component("payerLetterClaimCheckDelegate")
public class PayerLetterClaimCheckDelegate implements TaskListener {

  private final DenialRepository denials;

  public PayerLetterClaimCheckDelegate(DenialRepository denials) {
    this.denials = denials;
  }

  @Override
  public void notify(DelegateTask task) {
    Object named = task.getVariable(DenialManagementProcess.VAR_ATTACH_TO_PCN);
    if (named instanceof String pcn && !pcn.isBlank() && denials.latestForPatientControlNumber(pcn.trim()).isEmpty()) {
      throw new FormFieldValidationException(DenialManagementProcess.VAR_ATTACH_TO_PCN, "No denial for patient control number "
          + pcn.trim() + ": check the claim's number, or leave it empty to file the letter without a claim");
    }
  }
}
