package org.revcycle.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
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
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.EventSubscription;
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
 * processes/encounter-to-cash.bpmn with its stage processes: one test per path, delegates
 * replaced by scripted outcomes, jobs and timers driven by the test.
 */
@Deployment(resources = {
  "processes/encounter-to-cash.bpmn", "processes/registration-check.bpmn", "processes/charge-review.bpmn",
  "processes/claim-submission.bpmn", "processes/adjudication.bpmn", "processes/posting.bpmn",
  "processes/patient-statement.bpmn", "processes/denial-management.bpmn"
})
class EncounterToCashProcessTest {

  @RegisterExtension static ProcessEngineExtension engine = ProcessTestEngine.extension();

  /** What each scripted delegate answers, in order; the last answer repeats. */
  private final Map<String, Queue<Map<String, Object>>> script = new HashMap<>();
  private final List<String> calls = new ArrayList<>();

  @BeforeEach
  void registerDelegates() {
    for (String delegate : List.of("checkRegistrationDelegate", "reviewChargesDelegate", "submitClaimDelegate",
        "findRemittanceDelegate", "requestClaimStatusDelegate", "postRemittanceDelegate", "exportJournalDelegate",
        "issueStatementDelegate", "closeClaimDelegate", "routeWriteOffDelegate", "writeOffDenialDelegate",
        "prepareReplacementClaimDelegate", "applyCodingCorrectionsDelegate", "classifyDenialDelegate",
        "recordRootCauseDelegate", "generateAppealLetterDelegate", "recordAppealOutcomeDelegate",
        "escalateOverdueAppealDelegate")) {
      Mocks.register(delegate, (JavaDelegate) execution -> {
        calls.add(delegate);
        Queue<Map<String, Object>> answers = script.get(delegate);
        if (answers != null && !answers.isEmpty()) {
          Map<String, Object> answer = answers.size() > 1 ? answers.poll() : answers.peek();
          execution.setVariables(answer);
        }
      });
    }
    // the claim summary on task forms and the note on the timeline: the claim package's concern
    Mocks.register("claimOnTaskDelegate", (TaskListener) task -> calls.add("claimOnTaskDelegate:" + task.getEventName()));
    Mocks.register("selfApprovalGuardDelegate", (TaskListener) task -> calls.add("selfApprovalGuardDelegate"));
    answer("checkRegistrationDelegate", Map.of("registrationComplete", true, "claimSummary", "RC1"));
    answer("reviewChargesDelegate", Map.of("editsPassed", true));
    answer("submitClaimDelegate", Map.of("claimAccepted", true));
    answer("findRemittanceDelegate", Map.of("remittanceReceived", true, "remittanceId", "r-1"));
    answer("postRemittanceDelegate", Map.of("denied", false, "patientOwes", false));
    answer("routeWriteOffDelegate", Map.of("writeOffApprovalNeeded", false, "writeOffAmount", "249.50"));
    // denial management (processes/denial-management.bpmn, tested path by path in DenialManagementProcessTest)
    answer("classifyDenialDelegate", Map.of("denialId", "d-1", "needsTriage", false, "denialQueue", "denial-analysts",
        "denialPriority", 70, "denialDueDate", tomorrow()));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  private static Date tomorrow() {
    return new Date(System.currentTimeMillis() + 86_400_000L);
  }

  /** What posting answers for a denial: the codes (denial management routes the review). */
  private static Map<String, Object> denial(String codes) {
    return Map.of("denied", true, "patientOwes", false, "denialSummary", codes);
  }

  @SafeVarargs
  private void answer(String delegate, Map<String, Object>... answers) {
    script.put(delegate, new LinkedList<>(List.of(answers)));
  }

  private ProcessInstance start(boolean selfPay) {
    return runtimeService().startProcessInstanceByKey(EncounterToCashProcess.KEY, "RC1",
        Map.of("claimId", "00000000-0000-0000-0000-000000000001", "selfPay", selfPay, "payerLateAfter", "P30D"));
  }

  /**
   * Runs every job that is due, as the job executor would, and answers each claim waiting for the
   * clearinghouse's 999 or the payer's 277CA (with what the scripted submission said), until
   * nothing is left to do.
   */
  private void runDueJobs() {
    for (int i = 0; i < 50; i++) {
      List<Job> due = managementService().createJobQuery().executable().list();
      List<EventSubscription> acknowledgments = runtimeService().createEventSubscriptionQuery().eventType("message").list()
          .stream().filter(e -> e.getEventName().endsWith("AcknowledgmentReceived")).toList();
      if (due.isEmpty() && acknowledgments.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService().executeJob(job.getId()));
      acknowledgments.forEach(e -> runtimeService().messageEventReceived(e.getEventName(), e.getExecutionId()));
    }
    throw new AssertionError("jobs keep coming: a loop in the model?");
  }

  private Task onlyTask() {
    List<Task> tasks = taskService().createTaskQuery().list();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private List<String> passed(ProcessInstance instance) {
    return historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .map(HistoricActivityInstance::getActivityId).toList();
  }

  private void assertEnded(ProcessInstance instance) {
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(runtimeService().createProcessInstanceQuery().count()).as("no stage process left running").isZero();
  }

  @Test
  void cleanClaimPaidInFullPassesWithNoHumanTouch() {
    ProcessInstance instance = start(false);
    runDueJobs();

    assertEnded(instance);
    assertThat(taskService().createTaskQuery().count()).isZero();
    assertThat(passed(instance)).containsSubsequence("RegistrationCheck", "ChargeReview", "ClaimSubmission",
        "Adjudication", "Posting", "CloseClaim", "ClaimClosed").doesNotContain("PatientStatement", "ReviewDenial");
    assertThat(calls).containsSubsequence("checkRegistrationDelegate", "reviewChargesDelegate", "submitClaimDelegate",
        "findRemittanceDelegate", "postRemittanceDelegate", "closeClaimDelegate", "exportJournalDelegate");
  }

  @Test
  void patientResponsibilityGoesOnAStatement() {
    answer("postRemittanceDelegate", Map.of("denied", false, "patientOwes", true));
    ProcessInstance instance = start(false);
    runDueJobs();

    assertEnded(instance);
    assertThat(passed(instance)).containsSubsequence("Posting", "PatientOwes", "PatientStatement", "CloseClaim");
    assertThat(calls).contains("issueStatementDelegate");
  }

  @Test
  void selfPayGoesStraightToTheStatement() {
    ProcessInstance instance = start(true);
    runDueJobs();

    assertEnded(instance);
    assertThat(passed(instance)).containsSubsequence("ChargeReview", "PatientStatement", "CloseClaim", "ExportJournal")
        .doesNotContain("ClaimSubmission", "Adjudication", "Posting");
  }

  @Test
  void deniedClaimIsReviewedAndWrittenOff() {
    answer("postRemittanceDelegate", denial("CO-197"));
    ProcessInstance instance = start(false);
    runDueJobs();

    Task review = onlyTask();
    assertThat(review.getName()).isEqualTo("Review denial");
    assertThat(taskService().getIdentityLinksForTask(review.getId()))
        .anyMatch(link -> "denial-analysts".equals(link.getGroupId()));
    assertThat(review.getDueDate()).isAfter(new Date());
    taskService().complete(review.getId(), Map.of("denialDecision", "WRITE_OFF", "denialNote", "no authorization"));
    runDueJobs();

    assertEnded(instance);
    assertThat(passed(instance)).containsSubsequence("Posting", "DenialManagement", "DenialOutcome", "PaidMerge", "PatientOwes",
        "JoinClose", "CloseClaim").doesNotContain("PatientStatement");
    assertThat(calls).containsSubsequence("classifyDenialDelegate", "writeOffDenialDelegate")
        .doesNotContain("prepareReplacementClaimDelegate");
    assertThat(calls).as("the write-off reaches the ERP too").containsSubsequence("writeOffDenialDelegate",
        "closeClaimDelegate", "exportJournalDelegate");
  }

  @Test
  void aLineDeniedInAPaidClaimIsWorkedThenThePatientIsBilledForThePaidLines() {
    // posting: paid, one line denied (CO-96), and the patient owes on the paid line
    answer("postRemittanceDelegate", Map.of("denied", true, "patientOwes", true,
        "denialSummary", "Lines denied in a paid claim: SVC 2 80053 (claim line 2), CO-96 80.00"));
    ProcessInstance instance = start(false);
    runDueJobs();

    Task review = onlyTask();
    assertThat(review.getName()).isEqualTo("Review denial");
    taskService().complete(review.getId(), Map.of("denialDecision", "WRITE_OFF", "denialNote", "not covered, no notice"));
    runDueJobs();

    assertEnded(instance);
    assertThat(passed(instance)).containsSubsequence("Posting", "DenialManagement", "DenialOutcome", "PaidMerge",
        "PatientOwes", "PatientStatement", "CloseClaim", "ExportJournal");
    assertThat(calls).containsSubsequence("writeOffDenialDelegate", "issueStatementDelegate", "closeClaimDelegate");
  }

  @Test
  void largeWriteOffWaitsForFinanceAndCanBeSentBack() {
    answer("postRemittanceDelegate", denial("CO-50"));
    answer("routeWriteOffDelegate", Map.of("writeOffApprovalNeeded", true, "writeOffAmount", "12500.00",
        "writeOffQueue", "finance", "writeOffPriority", 70, "writeOffDueDate", new Date(System.currentTimeMillis() + 259_200_000L)));
    ProcessInstance instance = start(false);
    runDueJobs();
    taskService().complete(onlyTask().getId(), Map.of("denialDecision", "WRITE_OFF", "denialNote", "not worth appealing"));
    runDueJobs();

    Task approval = onlyTask();
    assertThat(approval.getName()).isEqualTo("Approve write-off");
    assertThat(taskService().getIdentityLinksForTask(approval.getId())).anyMatch(link -> "finance".equals(link.getGroupId()));
    assertThat(calls).doesNotContain("writeOffDenialDelegate");
    taskService().complete(approval.getId(), Map.of("writeOffApproval", "REJECT", "approvalNote", "appeal it"));
    runDueJobs();

    Task review = onlyTask();
    assertThat(review.getName()).as("sent back to the denial analysts").isEqualTo("Review denial");
    taskService().complete(review.getId(), Map.of("denialDecision", "WRITE_OFF", "denialNote", "appeal lost"));
    runDueJobs();
    taskService().complete(onlyTask().getId(), Map.of("writeOffApproval", "APPROVE", "approvalNote", "ok"));
    runDueJobs();

    assertEnded(instance);
    assertThat(calls.stream().filter("writeOffDenialDelegate"::equals).count()).isEqualTo(1);
  }

  @Test
  void deniedClaimCorrectedGoesOutAgainAsAReplacement() {
    answer("postRemittanceDelegate", denial("CO-16"), denial("CO-16"), Map.of("denied", false, "patientOwes", false));
    ProcessInstance instance = start(false);
    runDueJobs();
    taskService().complete(onlyTask().getId(), Map.of("denialDecision", "RESUBMIT", "denialNote", "auth obtained"));
    runDueJobs();
    // denied again: a new denial-management instance, the earlier decision does not carry over
    Task secondReview = onlyTask();
    assertThat(taskService().getVariable(secondReview.getId(), "denialDecision")).isNull();
    assertThat(calls.stream().filter("classifyDenialDelegate"::equals).count()).isEqualTo(2);
    taskService().complete(secondReview.getId(), Map.of("denialDecision", "RESUBMIT", "denialNote", "records sent"));
    runDueJobs();

    assertEnded(instance);
    assertThat(passed(instance)).containsSubsequence("DenialManagement", "DenialOutcome", "SubmitMerge", "ClaimSubmission");
    assertThat(calls.stream().filter("submitClaimDelegate"::equals).count()).isEqualTo(3);
    assertThat(calls).containsSubsequence("prepareReplacementClaimDelegate", "submitClaimDelegate", "closeClaimDelegate");
  }

  @Test
  void wonAppealWaitsForThePayersNewRemittanceAndIsPaid() {
    answer("postRemittanceDelegate", denial("CO-50"), Map.of("denied", false, "patientOwes", false));
    answer("generateAppealLetterDelegate", Map.of("appealQueue", "denial-analysts", "appealPriority", 60,
        "appealDueDate", tomorrow(), "appealDeadline", new Date(System.currentTimeMillis() + 30L * 86_400_000L)));
    ProcessInstance instance = start(false);
    runDueJobs();
    taskService().complete(onlyTask().getId(), Map.of("denialDecision", "APPEAL", "denialNote", "clinical appeal"));
    runDueJobs();
    Task appeal = onlyTask();
    assertThat(appeal.getName()).isEqualTo("Record appeal decision");
    taskService().complete(appeal.getId(), Map.of("appealOutcome", "WON", "recoveredAmount", "249.50", "appealNote", "overturned"));
    runDueJobs();

    assertEnded(instance);
    assertThat(passed(instance)).containsSubsequence("DenialManagement", "DenialOutcome", "AdjudicationMerge",
        "Adjudication", "Posting", "CloseClaim");
    assertThat(calls).containsSubsequence("generateAppealLetterDelegate", "recordAppealOutcomeDelegate",
        "findRemittanceDelegate", "postRemittanceDelegate", "closeClaimDelegate")
        .doesNotContain("writeOffDenialDelegate", "prepareReplacementClaimDelegate");
    assertThat(calls.stream().filter("submitClaimDelegate"::equals).count()).as("an appeal sends no new claim").isEqualTo(1);
  }

  @Test
  void registrationExceptionIsCompletedByABillingSpecialistAndTheClaimGoesOn() {
    answer("checkRegistrationDelegate",
        Map.of("registrationComplete", false, "registrationProblems", "coverage.endDate: ended", "claimSummary", "RC1",
            "registrationQueue", "billing-specialists", "registrationPriority", 60, "registrationDueDate", tomorrow()),
        Map.of("registrationComplete", true));
    ProcessInstance instance = start(false);
    runDueJobs();

    Task task = onlyTask();
    assertThat(task.getName()).isEqualTo("Resolve registration exception");
    assertThat(taskService().getIdentityLinksForTask(task.getId()))
        .anyMatch(link -> "billing-specialists".equals(link.getGroupId()));
    taskService().complete(task.getId(), Map.of("resolutionNote", "updated coverage"));
    runDueJobs();

    assertEnded(instance);
    assertThat(calls.stream().filter("checkRegistrationDelegate"::equals).count()).isEqualTo(2);
  }

  @Test
  void claimEditGoesToTheQueueTheDecisionNamed() {
    answer("reviewChargesDelegate",
        Map.of("editsPassed", false, "editQueue", "coders", "editPriority", 90, "editDueDate", new Date(System.currentTimeMillis() + 86_400_000L),
            "editSummary", "ERROR E-DX-MISSING"),
        Map.of("editsPassed", true));
    ProcessInstance instance = start(false);
    runDueJobs();

    Task task = onlyTask();
    assertThat(task.getName()).isEqualTo("Resolve claim edit");
    assertThat(task.getPriority()).isEqualTo(90);
    assertThat(taskService().getIdentityLinksForTask(task.getId())).anyMatch(link -> "coders".equals(link.getGroupId()));
    taskService().complete(task.getId(), Map.of("resolutionNote", "added diagnosis", "diagnosisCodes", "E11.9"));
    runDueJobs();
    assertEnded(instance);
    // the form's corrections go onto the claim before the edits run again
    assertThat(calls).containsSubsequence("claimOnTaskDelegate:create", "claimOnTaskDelegate:complete",
        "applyCodingCorrectionsDelegate", "reviewChargesDelegate");
  }

  @Test
  void rejectedClaimIsCorrectedAndSentAgain() {
    answer("submitClaimDelegate",
        Map.of("claimAccepted", false, "rejectionReasons", "memberId: wrong format", "editQueue", "billing-specialists",
            "editPriority", 80, "editDueDate", new Date(System.currentTimeMillis() + 3_600_000L)),
        Map.of("claimAccepted", true));
    ProcessInstance instance = start(false);
    runDueJobs();

    Task task = onlyTask();
    assertThat(task.getName()).isEqualTo("Correct rejected claim");
    taskService().complete(task.getId(), Map.of("resolutionNote", "fixed member id"));
    runDueJobs();
    assertEnded(instance);
  }

  @Test
  void aPayerThatDeniedTheClaimOnItsStatusSendsItToDenialManagementWithoutAnRemittance() {
    answer("findRemittanceDelegate", Map.of("remittanceReceived", false));
    answer("requestClaimStatusDelegate", Map.of("claimStatusFinal", true, "claimStatusDenied", true,
        "claimStatusReport", "F2: Finalized/denial", "escalateLateClaim", false, "statusPollInterval", "P7D"));
    answer("postRemittanceDelegate", Map.of("denied", true, "patientOwes", false, "denialSummary", "277 claim status F2",
        "denialExplanation", "denied on its status"));
    Map<String, Object> seenByPosting = new HashMap<>();
    Map<String, Object> seenByClassification = new HashMap<>();
    Mocks.register("postRemittanceDelegate", (JavaDelegate) execution -> {
      calls.add("postRemittanceDelegate");
      seenByPosting.putAll(execution.getVariables());
      execution.setVariables(script.get("postRemittanceDelegate").peek());
    });
    Mocks.register("classifyDenialDelegate", (JavaDelegate) execution -> {
      calls.add("classifyDenialDelegate");
      seenByClassification.putAll(execution.getVariables());
      execution.setVariables(script.get("classifyDenialDelegate").peek());
    });
    ProcessInstance instance = start(false);
    runDueJobs();
    managementService().executeJob(managementService().createJobQuery().timers().singleResult().getId());
    runDueJobs();

    Task review = onlyTask();
    assertThat(review.getName()).isEqualTo("Review denial");
    assertThat(seenByPosting).containsEntry("claimStatusDenied", true).containsEntry("claimStatusReport", "F2: Finalized/denial");
    assertThat(seenByClassification).containsEntry("claimStatusDenied", true)
        .containsEntry("claimStatusReport", "F2: Finalized/denial").containsEntry("denialSummary", "277 claim status F2");
    assertThat(calls).containsSubsequence("findRemittanceDelegate", "requestClaimStatusDelegate", "postRemittanceDelegate",
        "classifyDenialDelegate").doesNotContain("closeClaimDelegate");
    taskService().complete(review.getId(), Map.of("denialDecision", "WRITE_OFF", "denialNote", "payer confirmed"));
    runDueJobs();
    assertThat(passed(instance)).containsSubsequence("Adjudication", "Posting", "DenialManagement", "CloseClaim");
  }

  @Test
  void latePayerIsChasedWithAStatusRequestAndAFollowUpTask() {
    answer("findRemittanceDelegate", Map.of("remittanceReceived", false),
        Map.of("remittanceReceived", true, "remittanceId", "r-1"));
    answer("requestClaimStatusDelegate", Map.of("claimStatusFinal", false, "claimStatusReport", "A4: not found",
        "escalateLateClaim", true, "statusPollInterval", "P7D",
        "lateClaimQueue", "billing-specialists", "lateClaimPriority", 75, "lateClaimDueDate", tomorrow()));
    ProcessInstance instance = start(false);
    runDueJobs();

    // waiting for the remittance, with the payer-late timer set
    Job timer = managementService().createJobQuery().timers().singleResult();
    assertThat(timer).isNotNull();
    assertThat(timer.getDuedate()).isAfter(new Date(System.currentTimeMillis() + 29L * 86_400_000L));
    managementService().executeJob(timer.getId());
    runDueJobs();

    Task followUp = onlyTask();
    assertThat(followUp.getName()).isEqualTo("Follow up late claim");
    assertThat(calls).contains("requestClaimStatusDelegate");
    taskService().complete(followUp.getId(), Map.of("followUpNote", "payer had no record; resubmitted"));
    runDueJobs();

    assertEnded(instance);
  }

  @Test
  void remittanceMessageWakesTheWaitingClaim() {
    answer("findRemittanceDelegate", Map.of("remittanceReceived", false),
        Map.of("remittanceReceived", true, "remittanceId", "r-1"));
    ProcessInstance instance = start(false);
    runDueJobs();
    assertThat(runtimeService().createEventSubscriptionQuery().eventName(EncounterToCashProcess.MESSAGE_REMITTANCE_RECEIVED)
        .count()).isEqualTo(1);

    runtimeService().createMessageCorrelation(EncounterToCashProcess.MESSAGE_REMITTANCE_RECEIVED)
        .processInstanceBusinessKey("RC1").correlate();
    runDueJobs();

    assertEnded(instance);
  }
}
