package org.revcycle.claim.adjustment;

import java.math.BigDecimal;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Record refusal": the approver sent the adjustment back; nothing posts, the timeline says why. */
@Component("recordAdjustmentRefusalDelegate")
public class RecordAdjustmentRefusalDelegate implements JavaDelegate {

  private final ManualAdjustments adjustments;

  public RecordAdjustmentRefusalDelegate(ManualAdjustments adjustments) {
    this.adjustments = adjustments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    adjustments.refused(UUID.fromString((String) execution.getVariable(ManualAdjustmentProcess.VAR_CLAIM_ID)),
        new BigDecimal((String) execution.getVariable(ManualAdjustmentProcess.VAR_AMOUNT)),
        AdjustmentReason.valueOf((String) execution.getVariable(ManualAdjustmentProcess.VAR_REASON)),
        (String) execution.getVariable(ManualAdjustmentProcess.VAR_APPROVED_BY),
        (String) execution.getVariable(ManualAdjustmentProcess.VAR_APPROVAL_NOTE));
  }
}
