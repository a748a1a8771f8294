package org.revcycle.claim.adjustment;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts manual-adjustment.bpmn for an adjustment that needs approval. */
@Component
public class ManualAdjustmentWorkflow {

  private final RuntimeService runtime;

  public ManualAdjustmentWorkflow(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** The approval instance's id; the business key is the claim's patient control number. */
  public String startApproval(String patientControlNumber, Map<String, Object> variables) {
    return runtime.startProcessInstanceByKey(ManualAdjustmentProcess.KEY, patientControlNumber, variables).getId();
  }
}
