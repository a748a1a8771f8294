package org.revcycle.eligibility;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.revcycle.eligibility.RegistrationCheckProcess.END_VERIFIED;
import static org.revcycle.eligibility.RegistrationCheckProcess.KEY;
import static org.revcycle.eligibility.RegistrationCheckProcess.TASK_CHECK;
import static org.revcycle.eligibility.RegistrationCheckProcess.TASK_RESOLVE;
import static org.revcycle.eligibility.RegistrationCheckProcess.VAR_CLAIM_ID;
import static org.revcycle.eligibility.RegistrationCheckProcess.VAR_REGISTRATION_PROBLEMS;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.revcycle.workqueue.WorkQueueRouter;

/** processes/registration-check.bpmn: one test per path. */
@Deployment(resources = {"processes/registration-check.bpmn", "processes/forms/registration-exception.form"})
class RegistrationCheckProcessTest {

  @RegisterExtension static ProcessEngineExtension engine = ProcessTestEngine.extension();

  private final RegistrationCheck registrationCheck = mock(RegistrationCheck.class);
  private final String claimId = UUID.randomUUID().toString();

  @BeforeEach
  void registerDelegate() {
    Mocks.register("checkRegistrationDelegate", new CheckRegistrationDelegate(registrationCheck));
    Mocks.register("claimOnTaskDelegate", (TaskListener) task -> { });
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(KEY, "PCN-1", Map.of(VAR_CLAIM_ID, claimId));
  }

  @Test
  void completeRegistrationPassesWithNoTask() {
    when(registrationCheck.check(any())).thenReturn(new RegistrationCheck.Result(List.of(), "RC1 · claim", null));

    ProcessInstance instance = start();
    // the check is asynchronous: a failing check becomes a retried job, not a rolled-back start
    assertThat(instance).isWaitingAt(TASK_CHECK);
    execute(job(instance));

    assertThat(instance).isEnded().hasPassed(END_VERIFIED).hasNotPassed(TASK_RESOLVE);
  }

  @Test
  void problemsOpenATaskForBillingSpecialistsAndCompletionRechecks() throws Exception {
    when(registrationCheck.check(UUID.fromString(claimId)))
        .thenReturn(new RegistrationCheck.Result(
            List.of(new RegistrationProblem("coverage.memberId", "The member id is missing.")), "RC1 · claim",
            new WorkQueueRouter.Route("billing-specialists", 60, new Date(System.currentTimeMillis() + 86_400_000L), null)))
        .thenReturn(new RegistrationCheck.Result(List.of(), "RC1 · claim", null));

    ProcessInstance instance = start();
    execute(job(instance));

    assertThat(instance).isWaitingAt(TASK_RESOLVE).variables()
        .containsEntry(VAR_REGISTRATION_PROBLEMS, "coverage.memberId: The member id is missing.");
    assertThat(task()).hasCandidateGroup("billing-specialists").isNotAssigned();
    // the Camunda Form referenced by formRef resolves from the same deployment
    try (var form = formService().getDeployedTaskForm(task().getId())) {
      org.assertj.core.api.Assertions.assertThat(new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .contains("\"id\": \"registration-exception\"", "registrationProblems", "resolutionNote");
    }
    org.assertj.core.api.Assertions.assertThat(task().getDueDate()).isInTheFuture();

    complete(task(), Map.of("resolutionNote", "Added the patient's Aetna coverage"));
    execute(job(instance));

    assertThat(instance).isEnded().hasPassed(TASK_RESOLVE, END_VERIFIED);
    verify(registrationCheck, times(2)).check(UUID.fromString(claimId));
  }
}
