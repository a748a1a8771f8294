package org.revcycle.claim;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.revcycle.encounter.EncounterToCashProcess;
import org.revcycle.support.ProcessTestEngine;

/**
 * processes/claim-void.bpmn: the void goes out through claim-submission; the claim is voided when the
 * payer's reversal has posted, at once when it came early, or when its remittance wakes the void.
 */
@Deployment(resources = {"processes/claim-void.bpmn", "processes/claim-submission.bpmn",
    "processes/forms/claim-rejection.form"})
class ClaimVoidProcessTest {

  @RegisterExtension static ProcessEngineExtension engine = ProcessTestEngine.extension();

  private final List<String> queued = new ArrayList<>();
  private final List<String> looked = new ArrayList<>();
  private boolean reversalPosted;

  @BeforeEach
  void registerDelegates() {
    Mocks.register("submitClaimDelegate", (JavaDelegate) execution -> queued.add(execution.getProcessBusinessKey()));
    Mocks.register("claimOnTaskDelegate", (TaskListener) task -> { });
    Mocks.register("recordVoidDelegate", (JavaDelegate) execution -> {
      looked.add(execution.getProcessBusinessKey());
      execution.setVariable(ClaimVoidProcess.VAR_VOID_REVERSED, reversalPosted);
    });
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  private static void message(String name) {
    runtimeService().createMessageCorrelation(name).processInstanceBusinessKey("PCN-8")
        .setVariables(Map.of(EncounterToCashProcess.VAR_CLAIM_ACCEPTED, true)).correlateAll();
  }

  /** Starts the void and takes its submission through 999 and 277CA acceptance. */
  private ProcessInstance submitted() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(ClaimVoidProcess.KEY, "PCN-8",
        Map.of(EncounterToCashProcess.VAR_CLAIM_ID, "00000000-0000-0000-0000-000000000008"));
    assertThat(instance).isWaitingAt("SubmitVoid");
    ProcessInstance submission = calledProcessInstance("claim-submission", instance);
    execute(job(submission));
    org.assertj.core.api.Assertions.assertThat(queued).containsExactly("PCN-8");
    message(ClaimSubmissionProcess.MESSAGE_FUNCTIONAL_ACKNOWLEDGMENT);
    message(ClaimSubmissionProcess.MESSAGE_CLAIM_ACKNOWLEDGMENT);
    execute(job(submission)); // the 277CA's continuation is a job of its own
    assertThat(submission).isEnded().hasPassed("ClaimSubmitted");
    // recording the void is asynchronous: a failure there is a retried job
    assertThat(instance).isWaitingAt("RecordVoid");
    return instance;
  }

  @Test
  void aReversalAlreadyPostedVoidsTheClaimAtOnce() {
    ProcessInstance instance = submitted();
    reversalPosted = true;
    execute(job(instance));

    assertThat(instance).isEnded().hasPassed("ClaimVoided").hasNotPassed("AwaitReversal");
    org.assertj.core.api.Assertions.assertThat(looked).containsExactly("PCN-8");
  }

  @Test
  void theVoidWaitsForThePayersReversalAndLooksAgainWhenARemittanceArrives() {
    ProcessInstance instance = submitted();
    execute(job(instance));
    assertThat(instance).isWaitingAt("AwaitReversal");

    // a remittance that is not the reversal: looked at, and the void waits again
    message(EncounterToCashProcess.MESSAGE_REMITTANCE_RECEIVED);
    execute(job(instance));
    assertThat(instance).isWaitingAt("AwaitReversal");

    reversalPosted = true;
    message(EncounterToCashProcess.MESSAGE_REMITTANCE_RECEIVED);
    execute(job(instance));
    assertThat(instance).isEnded().hasPassed("ClaimVoided");
    org.assertj.core.api.Assertions.assertThat(looked).hasSize(3);
  }
}
