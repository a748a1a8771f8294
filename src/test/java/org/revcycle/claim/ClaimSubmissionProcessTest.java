package org.revcycle.claim;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.ArrayList;
import java.util.Date;
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
import org.revcycle.support.ProcessTestEngine;

/** processes/claim-submission.bpmn: one test per path (queue, 999, 277CA, correction). */
@Deployment(resources = {"processes/claim-submission.bpmn", "processes/forms/claim-rejection.form"})
class ClaimSubmissionProcessTest {

  @RegisterExtension static ProcessEngineExtension engine = ProcessTestEngine.extension();

  private final List<String> queued = new ArrayList<>();

  @BeforeEach
  void registerDelegates() {
    Mocks.register("submitClaimDelegate", (JavaDelegate) execution -> queued.add(execution.getProcessBusinessKey()));
    Mocks.register("claimOnTaskDelegate", (TaskListener) task -> { });
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  private ProcessInstance start() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("claim-submission", "PCN-9",
        Map.of("claimId", "00000000-0000-0000-0000-000000000009"));
    // queueing is asynchronous: a failure there is a retried job, not a lost claim
    assertThat(instance).isWaitingAt("SubmitClaim");
    execute(job(instance));
    return instance;
  }

  private static void acknowledge(String message, Map<String, Object> variables) {
    runtimeService().createMessageCorrelation(message).processInstanceBusinessKey("PCN-9").setVariables(variables)
        .correlate();
  }

  /** The 277CA's correlation only records the answer; the claim goes on in a job of its own. */
  private static void acknowledgeClaim(ProcessInstance instance, Map<String, Object> variables) {
    acknowledge(ClaimSubmissionProcess.MESSAGE_CLAIM_ACKNOWLEDGMENT, variables);
    assertThat(instance).isWaitingAt("AwaitClaimAcknowledgment");
    execute(job(instance));
  }

  private static Map<String, Object> rejection(String reasons) {
    return Map.of("claimAccepted", false, "rejectionReasons", reasons, "editQueue", "billing-specialists",
        "editPriority", 70, "editDueDate", new Date(System.currentTimeMillis() + 86_400_000L));
  }

  @Test
  void acceptedBy999AndA2EndsTheSubmission() {
    ProcessInstance instance = start();
    assertThat(instance).isWaitingAt("AwaitFunctionalAcknowledgment");
    org.assertj.core.api.Assertions.assertThat(queued).containsExactly("PCN-9");

    acknowledge(ClaimSubmissionProcess.MESSAGE_FUNCTIONAL_ACKNOWLEDGMENT, Map.of("claimAccepted", true));
    assertThat(instance).isWaitingAt("AwaitClaimAcknowledgment");
    acknowledgeClaim(instance, Map.of("claimAccepted", true));

    assertThat(instance).isEnded().hasPassed("ClaimSubmitted").hasNotPassed("CorrectRejectedClaim");
  }

  @Test
  void a999RejectionOpensTheCorrectionTaskAndTheClaimIsQueuedAgain() {
    ProcessInstance instance = start();
    acknowledge(ClaimSubmissionProcess.MESSAGE_FUNCTIONAL_ACKNOWLEDGMENT,
        rejection("Claim PCN-9: segment CLM (position 23), field CLM02 (the claim's total charge): Invalid Character"));

    assertThat(instance).isWaitingAt("CorrectRejectedClaim").hasNotPassed("AwaitClaimAcknowledgment");
    assertThat(task(instance)).hasCandidateGroup("billing-specialists");
    org.assertj.core.api.Assertions.assertThat(runtimeService().getVariable(instance.getId(), "rejectionReasons").toString()).contains("CLM02");
    taskService().complete(task(instance).getId(), Map.of("resolutionNote", "charge corrected"));

    assertThat(instance).isWaitingAt("SubmitClaim");
    execute(job(instance));
    org.assertj.core.api.Assertions.assertThat(queued).containsExactly("PCN-9", "PCN-9");
    acknowledge(ClaimSubmissionProcess.MESSAGE_FUNCTIONAL_ACKNOWLEDGMENT, Map.of("claimAccepted", true));
    acknowledgeClaim(instance, Map.of("claimAccepted", true));
    assertThat(instance).isEnded().hasPassed("ClaimSubmitted");
  }

  @Test
  void a277caRejectionOpensTheCorrectionTaskAfterThe999() {
    ProcessInstance instance = start();
    acknowledge(ClaimSubmissionProcess.MESSAGE_FUNCTIONAL_ACKNOWLEDGMENT, Map.of("claimAccepted", true));
    acknowledgeClaim(instance,
        rejection("Claim PCN-9: payer CMA returned it unprocessed (277CA). memberId - does not match [A7]"));

    assertThat(instance).isWaitingAt("CorrectRejectedClaim").hasPassed("AwaitClaimAcknowledgment");
    taskService().complete(task(instance).getId(), Map.of("resolutionNote", "member id corrected"));
    execute(job(instance));
    acknowledge(ClaimSubmissionProcess.MESSAGE_FUNCTIONAL_ACKNOWLEDGMENT, Map.of("claimAccepted", true));
    acknowledgeClaim(instance, Map.of("claimAccepted", true));
    assertThat(instance).isEnded().hasPassed("ClaimSubmitted");
    org.assertj.core.api.Assertions.assertThat(queued).hasSize(2);
  }
}
