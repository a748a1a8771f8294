package org.revcycle.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.revcycle.support.ProcessTestEngine;

/**
 * processes/adjudication.bpmn: one test per path: remittance there already, remittance message,
 * late payer finalized on the 276, pending and asked again on the payer's interval, escalated
 * before the timely filing limit.
 */
@Deployment(resources = {"processes/adjudication.bpmn", "processes/forms/late-claim.form"})
class AdjudicationProcessTest {

  private static final long DAY = 86_400_000L;

  @RegisterExtension static ProcessEngineExtension engine = ProcessTestEngine.extension();

  private final Map<String, Queue<Map<String, Object>>> script = new HashMap<>();
  private final List<String> calls = new ArrayList<>();

  @BeforeEach
  void registerDelegates() {
    for (String delegate : List.of("findRemittanceDelegate", "requestClaimStatusDelegate")) {
      Mocks.register(delegate, (JavaDelegate) execution -> {
        calls.add(delegate);
        Queue<Map<String, Object>> answers = script.get(delegate);
        execution.setVariables(answers.size() > 1 ? answers.poll() : answers.peek());
      });
    }
    Mocks.register("claimOnTaskDelegate", (TaskListener) task -> { });
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @SafeVarargs
  private void answer(String delegate, Map<String, Object>... answers) {
    script.put(delegate, new LinkedList<>(List.of(answers)));
  }

  private static Map<String, Object> notYet() {
    return Map.of("remittanceReceived", false);
  }

  private static Map<String, Object> found() {
    return Map.of("remittanceReceived", true, "remittanceId", "r-1");
  }

  private static Map<String, Object> pending(boolean escalate, String interval) {
    Map<String, Object> answer = new HashMap<>(Map.of("claimStatusFinal", false, "claimStatusReport", "P1: pending",
        "escalateLateClaim", escalate, "statusPollInterval", interval));
    if (escalate) {
      answer.putAll(Map.of("lateClaimQueue", "billing-specialists", "lateClaimPriority", 75, "lateClaimDueDate",
          new Date(System.currentTimeMillis() + DAY)));
    }
    return answer;
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey("adjudication", "PCN-5",
        Map.of("claimId", "00000000-0000-0000-0000-000000000005", "payerLateAfter", "P30D"));
  }

  private Job timer(ProcessInstance instance) {
    return managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
  }

  /** Fires the payer-late timer and runs the status request (asynchronous) that follows. */
  private void payerIsLate(ProcessInstance instance) {
    managementService().executeJob(timer(instance).getId());
    Job statusRequest = managementService().createJobQuery().processInstanceId(instance.getId()).executable().singleResult();
    managementService().executeJob(statusRequest.getId());
  }

  @Test
  void aRemittanceAlreadyThereEndsAdjudicationAtOnce() {
    answer("findRemittanceDelegate", found());
    ProcessInstance instance = start();
    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("ClaimAdjudicated").hasNotPassed("AwaitRemittance");
  }

  @Test
  void theRemittanceMessageWakesTheWaitingClaim() {
    answer("findRemittanceDelegate", notYet(), found());
    ProcessInstance instance = start();
    BpmnAwareTests.assertThat(instance).isWaitingAt("AwaitRemittance");
    runtimeService().createMessageCorrelation("RemittanceReceived").processInstanceBusinessKey("PCN-5").correlate();
    BpmnAwareTests.assertThat(instance).isEnded().hasNotPassed("RequestClaimStatus");
  }

  @Test
  void aLatePayerThatFinalizedTheClaimIsLookedAtAgain() {
    answer("findRemittanceDelegate", notYet(), found());
    answer("requestClaimStatusDelegate", Map.of("claimStatusFinal", true, "claimStatusDenied", false,
        "claimStatusReport", "F1: paid", "escalateLateClaim", false, "statusPollInterval", "P7D"));
    ProcessInstance instance = start();
    assertThat(timer(instance).getDuedate()).isAfter(new Date(System.currentTimeMillis() + 29 * DAY));

    payerIsLate(instance);

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("RequestClaimStatus", "ClaimAdjudicated")
        .hasNotPassed("FollowUpLateClaim", "ClaimDeniedOnStatus");
  }

  @Test
  void aLatePayerThatDeniedTheClaimEndsAdjudicationWithoutWaitingForThe835() {
    answer("findRemittanceDelegate", notYet());
    answer("requestClaimStatusDelegate", Map.of("claimStatusFinal", true, "claimStatusDenied", true,
        "claimStatusReport", "F2: Finalized/denial", "escalateLateClaim", false, "statusPollInterval", "P7D"));
    ProcessInstance instance = start();

    payerIsLate(instance);

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("RequestClaimStatus", "ClaimDeniedOnStatus")
        .hasNotPassed("ClaimAdjudicated", "FollowUpLateClaim");
    assertThat(calls).containsExactly("findRemittanceDelegate", "requestClaimStatusDelegate");
  }

  @Test
  void aPendingClaimIsAskedAboutAgainOnThePayersIntervalThenEscalatedBeforeTheTimelyFilingLimit() {
    answer("findRemittanceDelegate", notYet(), notYet(), found());
    answer("requestClaimStatusDelegate", pending(false, "P7D"), pending(true, "P7D"));
    ProcessInstance instance = start();

    payerIsLate(instance);
    // still pending, limit far: no task, a new wait with the payer's polling interval
    BpmnAwareTests.assertThat(instance).isWaitingAt("AwaitRemittance");
    assertThat(taskService().createTaskQuery().count()).isZero();
    Date next = timer(instance).getDuedate();
    assertThat(next).isAfter(new Date(System.currentTimeMillis() + 6 * DAY))
        .isBefore(new Date(System.currentTimeMillis() + 8 * DAY));

    payerIsLate(instance);
    // the timely filing limit is near: a person follows up
    Task task = taskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getName()).isEqualTo("Follow up late claim");
    assertThat(calls.stream().filter("requestClaimStatusDelegate"::equals).count()).isEqualTo(2);
    taskService().complete(task.getId(), Map.of("followUpNote", "payer portal shows it in process"));

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("FollowUpLateClaim");
  }
}
