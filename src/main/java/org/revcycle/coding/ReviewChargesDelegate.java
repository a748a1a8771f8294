package org.revcycle.coding;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.revcycle.encounter.EncounterToCashProcess;
import org.springframework.stereotype.Component;

/** BPMN "Review charges against payer edits": passed, or the queue, priority and due date of the fix. */
@Component("reviewChargesDelegate")
public class ReviewChargesDelegate implements JavaDelegate {

  private final ChargeReview chargeReview;

  public ReviewChargesDelegate(ChargeReview chargeReview) {
    this.chargeReview = chargeReview;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ChargeReview.Result result = chargeReview.review(UUID.fromString((String) execution.getVariable(EncounterToCashProcess.VAR_CLAIM_ID)));
    execution.setVariable(EncounterToCashProcess.VAR_EDITS_PASSED, result.passed());
    execution.setVariable(EncounterToCashProcess.VAR_EDIT_SUMMARY, result.summary());
    if (!result.passed()) {
      execution.setVariable(EncounterToCashProcess.VAR_EDIT_QUEUE, result.route().queue());
      execution.setVariable(EncounterToCashProcess.VAR_EDIT_PRIORITY, result.route().priority());
      execution.setVariable(EncounterToCashProcess.VAR_EDIT_DUE_DATE, result.route().due());
    }
  }
}
