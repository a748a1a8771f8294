package org.revcycle.denial;

import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts Triage payer letter for a letter that matches no denial (business key: the letter id), in the caller's transaction. */
@Component
public class PayerLetterWorkflow {

  private final RuntimeService runtimeService;

  public PayerLetterWorkflow(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  public void startTriage(UUID letterId, String summary, String queue, int priority, Date due) {
    runtimeService.startProcessInstanceByKey(DenialManagementProcess.LETTER_TRIAGE_KEY, letterId.toString(), Map.of(
        DenialManagementProcess.VAR_LETTER_ID, letterId.toString(),
        DenialManagementProcess.VAR_LETTER_SUMMARY, summary,
        DenialManagementProcess.VAR_LETTER_QUEUE, queue,
        DenialManagementProcess.VAR_LETTER_PRIORITY, priority,
        DenialManagementProcess.VAR_LETTER_DUE_DATE, due));
  }
}
