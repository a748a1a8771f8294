package org.revcycle.claim.adjustment;

import java.math.BigDecimal;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Post adjustment": the approved adjustment goes to the ledger. */
@Component("postAdjustmentDelegate")
public class PostAdjustmentDelegate implements JavaDelegate {

  private final ManualAdjustments adjustments;

  public PostAdjustmentDelegate(ManualAdjustments adjustments) {
    this.adjustments = adjustments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    adjustments.post(UUID.fromString((String) execution.getVariable(ManualAdjustmentProcess.VAR_CLAIM_ID)),
        UUID.fromString((String) execution.getVariable(ManualAdjustmentProcess.VAR_ADJUSTMENT_ID)),
        new BigDecimal((String) execution.getVariable(ManualAdjustmentProcess.VAR_AMOUNT)),
        AdjustmentReason.valueOf((String) execution.getVariable(ManualAdjustmentProcess.VAR_REASON)),
        (String) execution.getVariable(ManualAdjustmentProcess.VAR_NOTE),
        (String) execution.getVariable(ManualAdjustmentProcess.VAR_REQUESTED_BY),
        (String) execution.getVariable(ManualAdjustmentProcess.VAR_APPROVED_BY));
  }
}
