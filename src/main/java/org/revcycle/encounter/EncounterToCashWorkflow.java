package org.revcycle.encounter;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Starts encounter to cash for a claim; the engine joins the caller's transaction. */
@Component
public class EncounterToCashWorkflow {

  private final RuntimeService runtimeService;
  private final String payerLateAfter;

  public EncounterToCashWorkflow(
      RuntimeService runtimeService, @Value("${revcycle.adjudication.payer-late-after:P30D}") String payerLateAfter) {
    this.runtimeService = runtimeService;
    this.payerLateAfter = payerLateAfter;
  }

  public void start(UUID claimId, String patientControlNumber, boolean selfPay) {
    runtimeService.startProcessInstanceByKey(EncounterToCashProcess.KEY, patientControlNumber, Map.of(
        EncounterToCashProcess.VAR_CLAIM_ID, claimId.toString(),
        EncounterToCashProcess.VAR_SELF_PAY, selfPay,
        EncounterToCashProcess.VAR_PAYER_LATE_AFTER, payerLateAfter));
  }
}
