package org.revcycle.coding;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
    ChargeReview.Result result = chargeReview.review(UUID.fromString((String) execution.getVariable("claimId")));
    execution.setVariable("editsPassed", result.passed());
    execution.setVariable("editSummary", result.summary());
    if (!result.passed()) {
      execution.setVariable("editQueue", result.route().queue());
      execution.setVariable("editPriority", result.route().priority());
      execution.setVariable("editDueDate", result.route().due());
    }
  }
}
