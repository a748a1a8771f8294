package org.revcycle.denial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
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
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.revcycle.support.ProcessTestEngine;

/**
 * processes/denial-management.bpmn, one test per path: classified or triaged, then resubmitted,
 * appealed (won, lost, overdue) or written off (with or without approval, sent back, and the
 * refusal of self-approval by the real guard). Delegates are scripted; jobs and timers driven here.
 */
@Deployment(resources = "processes/denial-management.bpmn")
class DenialManagementProcessTest {

  @RegisterExtension static ProcessEngineExtension engine = ProcessTestEngine.extension();

  private final Map<String, Queue<Map<String, Object>>> script = new HashMap<>();
  private final List<String> calls = new ArrayList<>();

  @BeforeEach
  void registerDelegates() {
    for (String delegate : List.of("classifyDenialDelegate", "recordRootCauseDelegate", "prepareReplacementClaimDelegate",
        "generateAppealLetterDelegate", "recordAppealOutcomeDelegate", "escalateOverdueAppealDelegate",
        "routeWriteOffDelegate", "writeOffDenialDelegate")) {
      Mocks.register(delegate, (JavaDelegate) execution -> {
        calls.add(delegate);
        Queue<Map<String, Object>> answers = script.get(delegate);
        if (answers != null && !answers.isEmpty()) {
          execution.setVariables(answers.size() > 1 ? answers.poll() : answers.peek());
        }
      });
    }
    Mocks.register("claimOnTaskDelegate", (TaskListener) task -> calls.add("claimOnTask:" + task.getEventName()));
    // the real guard: it needs nothing but the engine
    Mocks.register("selfApprovalGuardDelegate", new SelfApprovalGuardDelegate());
    answer("classifyDenialDelegate", routed("coders", 64, false));
    answer("routeWriteOffDelegate", Map.of("writeOffApprovalNeeded", false, "writeOffAmount", "249.50"));
    answer("generateAppealLetterDelegate", Map.of("appealQueue", "denial-analysts", "appealPriority", 64,
        "appealDueDate", inDays(30), "appealDeadline", inDays(30), "appealLetter", "REQUEST FOR RECONSIDERATION"));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
    identityService().clearAuthentication();
  }

  private static Date inDays(int days) {
    return new Date(System.currentTimeMillis() + days * 86_400_000L);
  }

  /** What classification answers: sure (routed to a team) or not (to triage). */
  private static Map<String, Object> routed(String queue, int priority, boolean triage) {
    Map<String, Object> v = new HashMap<>(Map.of("denialId", "d-1", "needsTriage", triage, "rootCause", "CODING"));
    if (triage) {
      v.putAll(Map.of("triageQueue", queue, "triagePriority", priority, "triageDueDate", inDays(1)));
    } else {
      v.putAll(Map.of("denialQueue", queue, "denialPriority", priority, "denialDueDate", inDays(2)));
    }
    return v;
  }

  @SafeVarargs
  private void answer(String delegate, Map<String, Object>... answers) {
    script.put(delegate, new LinkedList<>(List.of(answers)));
  }

  private ProcessInstance start() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(DenialManagementProcess.KEY, "RC1",
        Map.of("claimId", "00000000-0000-0000-0000-000000000001", "remittanceId", "r-1"));
    runDueJobs();
    return instance;
  }

  private void runDueJobs() {
    for (int i = 0; i < 20; i++) {
      List<Job> due = managementService().createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService().executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming");
  }

  private Task onlyTask() {
    List<Task> tasks = taskService().createTaskQuery().list();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private void complete(String expectedName, Map<String, Object> variables) {
    Task task = onlyTask();
    assertThat(task.getName()).isEqualTo(expectedName);
    taskService().complete(task.getId(), variables);
    runDueJobs();
  }

  private List<String> passed(ProcessInstance instance) {
    return historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .map(HistoricActivityInstance::getActivityId).toList();
  }

  private String outcome(ProcessInstance instance) {
    HistoricVariableInstance v = historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("denialOutcome").singleResult();
    return v == null ? null : (String) v.getValue();
  }

  private void assertEnded(ProcessInstance instance, String outcome) {
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(outcome(instance)).isEqualTo(outcome);
  }

  @Test
  void classifiedDenialGoesToTheOwningTeamAndIsResubmitted() {
    ProcessInstance instance = start();
    Task review = onlyTask();
    assertThat(review.getName()).isEqualTo("Review denial");
    assertThat(review.getPriority()).isEqualTo(64);
    assertThat(taskService().getIdentityLinksForTask(review.getId())).anyMatch(l -> "coders".equals(l.getGroupId()));
    complete("Review denial", Map.of("denialDecision", "RESUBMIT", "denialNote", "modifier corrected"));

    assertEnded(instance, "RESUBMIT");
    assertThat(passed(instance)).containsSubsequence("ClassifyDenial", "Confident", "ReviewDenial", "PrepareReplacement",
        "Resubmitted").doesNotContain("TriageDenial");
  }

  @Test
  void unsureClassificationIsTriagedThenRoutedAndWrittenOffWithoutApproval() {
    answer("classifyDenialDelegate", routed("denial-analysts", 75, true));
    answer("recordRootCauseDelegate", Map.of("needsTriage", false, "rootCause", "TIMELY_FILING",
        "denialQueue", "billing-specialists", "denialPriority", 20, "denialDueDate", inDays(1)));
    ProcessInstance instance = start();
    Task triage = onlyTask();
    assertThat(triage.getName()).isEqualTo("Triage denial");
    assertThat(taskService().getIdentityLinksForTask(triage.getId())).anyMatch(l -> "denial-analysts".equals(l.getGroupId()));
    complete("Triage denial", Map.of("triagedRootCause", "TIMELY_FILING", "triageNote", "filed on day 400"));
    Task review = onlyTask();
    assertThat(taskService().getIdentityLinksForTask(review.getId()))
        .as("routed to the team of the analyst's root cause").anyMatch(l -> "billing-specialists".equals(l.getGroupId()));
    complete("Review denial", Map.of("denialDecision", "WRITE_OFF", "denialNote", "no proof of timely filing"));

    assertEnded(instance, "WRITTEN_OFF");
    assertThat(passed(instance)).containsSubsequence("TriageDenial", "RecordRootCause", "ReviewDenial", "RouteWriteOff",
        "ApprovalNeeded", "WriteOff", "WrittenOff").doesNotContain("ApproveWriteOff");
  }

  @Test
  void largeWriteOffIsApprovedBySomeoneElse() {
    answer("routeWriteOffDelegate", Map.of("writeOffApprovalNeeded", true, "writeOffAmount", "4200.00",
        "writeOffQueue", "finance", "writeOffPriority", 70, "writeOffDueDate", inDays(3)));
    ProcessInstance instance = start();
    identityService().setAuthenticatedUserId("dana");
    complete("Review denial", Map.of("denialDecision", "WRITE_OFF", "denialNote", "benefit exhausted"));
    identityService().setAuthenticatedUserId("fran");
    complete("Approve write-off", Map.of("writeOffApproval", "APPROVE", "approvalNote", "ok"));

    assertEnded(instance, "WRITTEN_OFF");
    assertThat(passed(instance)).containsSubsequence("ApproveWriteOff", "WriteOffApproved", "WriteOffMerge", "WriteOff");
  }

  @Test
  void theRequesterCannotApproveTheirOwnWriteOffAndTheTaskStaysOpen() {
    answer("routeWriteOffDelegate", Map.of("writeOffApprovalNeeded", true, "writeOffAmount", "4200.00",
        "writeOffQueue", "finance", "writeOffPriority", 70, "writeOffDueDate", inDays(3)));
    ProcessInstance instance = start();
    identityService().setAuthenticatedUserId("dana");
    complete("Review denial", Map.of("denialDecision", "WRITE_OFF", "denialNote", "benefit exhausted"));
    Task approval = onlyTask();

    assertThatThrownBy(() -> taskService().complete(approval.getId(), Map.of("writeOffApproval", "APPROVE",
        "approvalNote", "self")))
        .as("the refusal itself, not the engine's wrapper (the REST API answers it with 403)")
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("dana requested this write-off");
    assertThat(onlyTask().getId()).as("the approval stays open").isEqualTo(approval.getId());
    assertThat(calls).doesNotContain("writeOffDenialDelegate");

    identityService().setAuthenticatedUserId("fran");
    complete("Approve write-off", Map.of("writeOffApproval", "APPROVE", "approvalNote", "checked"));
    assertEnded(instance, "WRITTEN_OFF");
  }

  @Test
  void writeOffSentBackIsReviewedAgain() {
    answer("routeWriteOffDelegate", Map.of("writeOffApprovalNeeded", true, "writeOffAmount", "4200.00",
        "writeOffQueue", "finance", "writeOffPriority", 70, "writeOffDueDate", inDays(3)));
    ProcessInstance instance = start();
    complete("Review denial", Map.of("denialDecision", "WRITE_OFF", "denialNote", "benefit exhausted"));
    complete("Approve write-off", Map.of("writeOffApproval", "REJECT", "approvalNote", "appeal it"));
    complete("Review denial", Map.of("denialDecision", "RESUBMIT", "denialNote", "corrected"));

    assertEnded(instance, "RESUBMIT");
    assertThat(calls).doesNotContain("writeOffDenialDelegate");
    assertThat(passed(instance)).containsSubsequence("ApproveWriteOff", "WriteOffApproved", "ReviewMerge", "ReviewDenial",
        "PrepareReplacement");
  }

  @Test
  void wonAppealEndsWithTheRecoveryRecorded() {
    ProcessInstance instance = start();
    complete("Review denial", Map.of("denialDecision", "APPEAL", "denialNote", "clinical appeal"));
    Task appeal = onlyTask();
    assertThat(taskService().getVariable(appeal.getId(), "appealLetter")).isEqualTo("REQUEST FOR RECONSIDERATION");
    complete("Record appeal decision", Map.of("appealOutcome", "WON", "recoveredAmount", "249.50", "appealNote", "paid"));

    assertEnded(instance, "APPEAL_WON");
    assertThat(passed(instance)).containsSubsequence("GenerateAppealLetter", "RecordAppealDecision",
        "RecordAppealOutcome", "AppealWon", "AppealWonEnd");
  }

  @Test
  void lostAppealGoesBackForAnotherDecision() {
    ProcessInstance instance = start();
    complete("Review denial", Map.of("denialDecision", "APPEAL", "denialNote", "clinical appeal"));
    complete("Record appeal decision", Map.of("appealOutcome", "LOST", "appealNote", "upheld"));
    complete("Review denial", Map.of("denialDecision", "WRITE_OFF", "denialNote", "appeal upheld"));

    assertEnded(instance, "WRITTEN_OFF");
    assertThat(passed(instance)).containsSubsequence("RecordAppealOutcome", "AppealWon", "ReviewMerge", "ReviewDenial",
        "RouteWriteOff", "WriteOff");
  }

  @Test
  void appealPastItsDeadlineIsEscalatedAndStaysOpen() {
    ProcessInstance instance = start();
    complete("Review denial", Map.of("denialDecision", "APPEAL", "denialNote", "clinical appeal"));
    assertThat(calls).doesNotContain("escalateOverdueAppealDelegate");
    runDueJobs();
    assertThat(calls).as("not before the deadline").doesNotContain("escalateOverdueAppealDelegate");

    ClockUtil.setCurrentTime(inDays(31));
    runDueJobs();
    assertThat(calls).contains("escalateOverdueAppealDelegate");
    assertThat(passed(instance)).contains("AppealOverdue", "EscalateAppeal", "AppealEscalated");
    Task appeal = onlyTask();
    assertThat(appeal.getName()).as("the appeal still waits for the payer's answer").isEqualTo("Record appeal decision");

    complete("Record appeal decision", Map.of("appealOutcome", "WON", "recoveredAmount", "100.00", "appealNote", "late but won"));
    assertEnded(instance, "APPEAL_WON");
  }

  @Test
  void theEscalationPutsTheOverdueAppealAtTheTopOfItsQueue() {
    // the real delegate, with the denial service (which notes it on the claim's timeline) mocked
    DenialManagement management = org.mockito.Mockito.mock(DenialManagement.class);
    Mocks.register("escalateOverdueAppealDelegate", new EscalateOverdueAppealDelegate(management));
    answer("classifyDenialDelegate", Map.of("denialId", "00000000-0000-0000-0000-0000000000d1", "needsTriage", false,
        "denialQueue", "denial-analysts", "denialPriority", 40, "denialDueDate", inDays(2)));
    start();
    complete("Review denial", Map.of("denialDecision", "APPEAL", "denialNote", "clinical appeal"));
    assertThat(onlyTask().getPriority()).isEqualTo(64);

    ClockUtil.setCurrentTime(inDays(31));
    runDueJobs();
    assertThat(onlyTask().getPriority()).isEqualTo(EscalateOverdueAppealDelegate.ESCALATED_PRIORITY);
    org.mockito.Mockito.verify(management).appealOverdue(java.util.UUID.fromString("00000000-0000-0000-0000-0000000000d1"));
  }
}
