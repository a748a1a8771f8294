package org.revcycle.denial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
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
 * processes/payer-letter-triage.bpmn, one test per path: filed to the claim the analyst names (an
 * unknown one refused by the real claim check, the task left open), or filed without a claim.
 */
@Deployment(resources = "processes/payer-letter-triage.bpmn")
class PayerLetterTriageProcessTest {

  @RegisterExtension static ProcessEngineExtension engine = ProcessTestEngine.extension();

  private final List<String> filed = new ArrayList<>();
  private final DenialRepository denials = mock(DenialRepository.class);

  @BeforeEach
  void registerDelegates() {
    Mocks.register("attachPayerLetterDelegate", (JavaDelegate) execution ->
        filed.add(String.valueOf(execution.getVariable(DenialManagementProcess.VAR_ATTACH_TO_PCN))));
    Mocks.register("payerLetterClaimCheckDelegate", new PayerLetterClaimCheckDelegate(denials));
    when(denials.latestForPatientControlNumber("RC-DENIED")).thenReturn(Optional.of(mock(DenialRepository.Denial.class)));
    when(denials.latestForPatientControlNumber("RC-UNKNOWN")).thenReturn(Optional.empty());
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(DenialManagementProcess.LETTER_TRIAGE_KEY, "L-1", Map.of(
        DenialManagementProcess.VAR_LETTER_ID, "00000000-0000-0000-0000-0000000000a1",
        DenialManagementProcess.VAR_LETTER_SUMMARY, "Letter (no file name)",
        DenialManagementProcess.VAR_LETTER_QUEUE, "denial-analysts",
        DenialManagementProcess.VAR_LETTER_PRIORITY, 50,
        DenialManagementProcess.VAR_LETTER_DUE_DATE, new Date(System.currentTimeMillis() + 86_400_000L)));
  }

  private Task onlyTask() {
    List<Task> tasks = taskService().createTaskQuery().list();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  @Test
  void aClaimWithNoDenialIsRefusedAsBadInputAndTheNamedOneGetsTheLetter() {
    ProcessInstance instance = start();
    Task triage = onlyTask();
    assertThat(triage.getName()).isEqualTo("Triage payer letter");

    assertThatThrownBy(() -> taskService().complete(triage.getId(), Map.of(
        DenialManagementProcess.VAR_ATTACH_TO_PCN, "RC-UNKNOWN", DenialManagementProcess.VAR_LETTER_NOTE, "by dates")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("No denial for patient control number RC-UNKNOWN");
    assertThat(onlyTask().getId()).as("still open").isEqualTo(triage.getId());
    assertThat(filed).isEmpty();

    taskService().complete(triage.getId(), Map.of(
        DenialManagementProcess.VAR_ATTACH_TO_PCN, "RC-DENIED", DenialManagementProcess.VAR_LETTER_NOTE, "by dates"));
    assertThat(filed).containsExactly("RC-DENIED");
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void aLetterFiledWithoutAClaimEnds() {
    ProcessInstance instance = start();
    taskService().complete(onlyTask().getId(), Map.of(DenialManagementProcess.VAR_LETTER_NOTE, "not ours: returned"));
    assertThat(filed).containsExactly("null");
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
  }
}
