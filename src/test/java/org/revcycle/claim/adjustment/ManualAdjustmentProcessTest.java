package org.revcycle.claim.adjustment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.revcycle.denial.SelfApprovalGuardDelegate;
import org.revcycle.support.ProcessTestEngine;

/**
 * processes/manual-adjustment.bpmn, one test per path: approved (posted), sent back (nothing
 * posted), and the requester's own approval refused by the real guard with the task left open.
 */
@Deployment(resources = "processes/manual-adjustment.bpmn")
class ManualAdjustmentProcessTest {

  @RegisterExtension static ProcessEngineExtension engine = ProcessTestEngine.extension();

  private final List<String> calls = new ArrayList<>();

  @BeforeEach
  void registerDelegates() {
    for (String delegate : List.of("postAdjustmentDelegate", "recordAdjustmentRefusalDelegate")) {
      Mocks.register(delegate, (JavaDelegate) execution -> calls.add(delegate + ":"
          + execution.getVariable(ManualAdjustmentProcess.VAR_APPROVED_BY)));
    }
    Mocks.register("claimOnTaskDelegate", (TaskListener) task -> calls.add("claimOnTask:" + task.getEventName()));
    Mocks.register("selfApprovalGuardDelegate", new SelfApprovalGuardDelegate());
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    identityService().clearAuthentication();
  }

  private ProcessInstance start(String requestedBy) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ManualAdjustmentProcess.VAR_CLAIM_ID, "00000000-0000-0000-0000-000000000001");
    variables.put(ManualAdjustmentProcess.VAR_ADJUSTMENT_ID, "00000000-0000-0000-0000-0000000000a1");
    variables.put(ManualAdjustmentProcess.VAR_AMOUNT, "1500.00");
    variables.put(ManualAdjustmentProcess.VAR_REASON, AdjustmentReason.ADMINISTRATIVE.name());
    variables.put(ManualAdjustmentProcess.VAR_NOTE, "courtesy adjustment");
    variables.put(ManualAdjustmentProcess.VAR_REQUESTED_BY, requestedBy);
    variables.put(ManualAdjustmentProcess.VAR_QUEUE, "finance");
    variables.put(ManualAdjustmentProcess.VAR_PRIORITY, 70);
    variables.put(ManualAdjustmentProcess.VAR_DUE_DATE, new Date(System.currentTimeMillis() + 3 * 86_400_000L));
    return runtimeService().startProcessInstanceByKey(ManualAdjustmentProcess.KEY, "RC1", variables);
  }

  private Task onlyTask() {
    List<Task> tasks = taskService().createTaskQuery().list();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private List<String> passed(ProcessInstance instance) {
    return historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .orderPartiallyByOccurrence().asc().list().stream().map(HistoricActivityInstance::getActivityId).toList();
  }

  @Test
  void anApprovedAdjustmentPostsWithTheApprover() {
    ProcessInstance instance = start("dana");
    Task task = onlyTask();
    assertThat(task.getName()).isEqualTo("Approve adjustment");
    assertThat(taskService().getIdentityLinksForTask(task.getId())).anyMatch(l -> "finance".equals(l.getGroupId()));
    assertThat(task.getPriority()).isEqualTo(70);

    identityService().setAuthenticatedUserId("fran");
    taskService().complete(task.getId(), Map.of("adjustmentApproval", "APPROVE", "approvalNote", "checked"));

    assertThat(calls).contains("postAdjustmentDelegate:fran").doesNotContain("recordAdjustmentRefusalDelegate:fran");
    assertThat(passed(instance)).containsSubsequence("ApproveAdjustment", "AdjustmentApproved", "PostAdjustment",
        "AdjustmentPosted");
  }

  @Test
  void anAdjustmentSentBackPostsNothing() {
    ProcessInstance instance = start("dana");
    identityService().setAuthenticatedUserId("fran");
    taskService().complete(onlyTask().getId(), Map.of("adjustmentApproval", "REJECT", "approvalNote", "bill the patient"));

    assertThat(calls).contains("recordAdjustmentRefusalDelegate:fran").noneMatch(c -> c.startsWith("postAdjustment"));
    assertThat(passed(instance)).containsSubsequence("AdjustmentApproved", "RecordRefusal", "AdjustmentRefused");
  }

  @Test
  void theRequesterCannotApproveTheirOwnAdjustmentAndTheTaskStaysOpen() {
    ProcessInstance instance = start("dana");
    Task task = onlyTask();
    identityService().setAuthenticatedUserId("dana");

    assertThatThrownBy(() -> taskService().complete(task.getId(), Map.of("adjustmentApproval", "APPROVE",
        "approvalNote", "mine")))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("dana requested this adjustment and may not approve it")
        .hasMessageContaining("queue finance");
    assertThat(onlyTask().getId()).as("the approval stays open").isEqualTo(task.getId());
    assertThat(calls).noneMatch(c -> c.startsWith("postAdjustment") || c.startsWith("recordAdjustmentRefusal"));

    identityService().setAuthenticatedUserId("fran");
    taskService().complete(task.getId(), Map.of("adjustmentApproval", "APPROVE", "approvalNote", "checked"));
    assertThat(calls).contains("postAdjustmentDelegate:fran");
    assertThat(passed(instance)).contains("AdjustmentPosted");
  }
}
