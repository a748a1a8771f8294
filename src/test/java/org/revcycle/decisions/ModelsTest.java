package org.revcycle.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.revcycle.claim.ClaimOnTask;
import org.revcycle.claim.adjustment.ManualAdjustmentProcess;
import org.revcycle.denial.DenialManagementProcess;
import org.revcycle.eligibility.RegistrationCheckProcess;
import org.revcycle.encounter.EncounterToCashProcess;
import org.revcycle.remittance.RemittancePostingProcess;
import org.revcycle.remittance.deposit.DepositReconciliationProcess;

/**
 * The BPMN files themselves: they open in Camunda Modeler as drawn, read as the business speaks,
 * and keep the house rules (routed queues and service levels, forms that match what the process
 * reads and sets, retries on asynchronous steps). bpmnlint with the Camunda 7.24 rules checks the
 * rest (lint/, run by .ci/run).
 */
class ModelsTest {

  static Stream<File> models() {
    return Arrays.stream(new File("processes").listFiles((dir, name) -> name.endsWith(".bpmn"))).sorted();
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyElementIsDrawnAndNamed(File file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file);
    List<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
        .map(shape -> shape.getBpmnElement().getId()).toList();
    List<String> drawnEdges = model.getModelElementsByType(BpmnEdge.class).stream()
        .map(edge -> edge.getBpmnElement().getId()).toList();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(drawn).as("%s: %s has a shape", file.getName(), node.getId()).contains(node.getId());
      if (node instanceof Activity || node instanceof Event) {
        assertThat(node.getName()).as("%s: %s has a name", file.getName(), node.getId()).isNotBlank();
      }
      if (node instanceof Activity) {
        assertThat(node.getIncoming()).as("%s: %s joins through a gateway, not by itself", file.getName(), node.getId())
            .hasSizeLessThanOrEqualTo(1);
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(drawnEdges).as("%s: flow %s is drawn", file.getName(), flow.getId()).contains(flow.getId());
    }
  }

  /** A user task's queue, due date and priority come from decisions/work-queue-routing.dmn, set by a delegate. */
  private static final Pattern ROUTED = Pattern.compile("\\$\\{[a-zA-Z]+(Queue|DueDate|Priority)\\}");

  @ParameterizedTest
  @MethodSource("models")
  void userTasksHaveARoutedQueueServiceLevelAndPriority(File file) {
    for (UserTask task : Bpmn.readModelFromFile(file).getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaCandidateGroups()).as("%s queue", task.getName()).matches(ROUTED);
      assertThat(task.getCamundaDueDate()).as("%s due date (the queue's service level, not a constant)", task.getName())
          .matches(ROUTED);
      assertThat(task.getCamundaPriority()).as("%s priority (by amount at stake, not a constant)", task.getName())
          .matches(ROUTED);
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void userTasksHaveAFormThatExistsAndShowsTheClaim(File file) throws IOException {
    for (UserTask task : Bpmn.readModelFromFile(file).getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaFormRef()).as("%s form", task.getName()).isNotBlank();
      assertThat(task.getCamundaFormRefBinding()).as("%s form binding", task.getName()).isEqualTo("latest");
      File formFile = new File("processes/forms/" + task.getCamundaFormRef() + ".form");
      assertThat(formFile).as("%s form file", task.getName()).exists();
      JsonNode form = JSON.readTree(formFile);
      assertThat(form.path("id").asText()).as("%s: the form's id is what formRef names", formFile).isEqualTo(task.getCamundaFormRef());
      assertThat(form.path("executionPlatformVersion").asText()).startsWith("7.24");
      Map<String, JsonNode> fields = fields(form);
      if (FILE_LEVEL_TASKS.containsKey(task.getId())) {
        // about an 835 file or a payment on it, not one of our claims: the form shows what the file says
        String summary = FILE_LEVEL_TASKS.get(task.getId());
        assertThat(fields.keySet()).as("%s shows %s", formFile, summary).contains(summary);
        assertThat(fields.get(summary).path("readonly").asBoolean()).as("%s: %s is read-only", formFile, summary).isTrue();
        continue;
      }
      assertThat(fields.keySet()).as("%s shows the claim summary", formFile).containsAll(CLAIM_SUMMARY_KEYS);
      for (String key : CLAIM_SUMMARY_KEYS) {
        assertThat(fields.get(key).path("readonly").asBoolean()).as("%s: %s is read-only", formFile, key).isTrue();
      }
      assertThat(taskListeners(task)).as("%s loads the claim summary on create and records the note on complete",
          task.getName()).contains("create ${claimOnTaskDelegate}", "complete ${claimOnTaskDelegate}");
    }
  }

  /**
   * What a form writes is what the process reads: each variable in the conditions of the gateway
   * after the task is a required field offering exactly the values the conditions test; the
   * fields Java reads (below) are present; and each read-only field shows a variable the process has.
   */
  @ParameterizedTest
  @MethodSource("models")
  void formFieldsAreTheVariablesTheProcessReadsAndSets(File file) throws IOException {
    for (UserTask task : Bpmn.readModelFromFile(file).getModelElementsByType(UserTask.class)) {
      Map<String, JsonNode> fields = fields(JSON.readTree(new File("processes/forms/" + task.getCamundaFormRef() + ".form")));
      Map<String, Set<String>> tested = variablesTestedAfter(task);
      for (Map.Entry<String, Set<String>> variable : tested.entrySet()) {
        JsonNode field = fields.get(variable.getKey());
        assertThat(field).as("%s: the form has field %s that the gateway after it tests", task.getName(), variable.getKey())
            .isNotNull();
        assertThat(field.path("validate").path("required").asBoolean()).as("%s: %s is required", task.getName(),
            variable.getKey()).isTrue();
        List<String> offered = new ArrayList<>();
        field.path("values").forEach(v -> offered.add(v.path("value").asText()));
        assertThat(offered).as("%s: %s offers the values the conditions test", task.getName(), variable.getKey())
            .containsAll(variable.getValue());
      }
      for (String key : READ_BY_JAVA.getOrDefault(task.getId(), List.of())) {
        assertThat(fields).as("%s: field %s, which the process reads", task.getName(), key).containsKey(key);
      }
      Set<String> provided = processVariables();
      fields.forEach((key, field) -> {
        if (field.path("readonly").asBoolean()) {
          assertThat(provided).as("%s: read-only field %s shows a variable the process sets", task.getName(), key)
              .contains(key);
        }
      });
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> CLAIM_SUMMARY_KEYS = List.of(ClaimOnTask.PATIENT_CONTROL_NUMBER,
      ClaimOnTask.CLAIM_TYPE, ClaimOnTask.PAYER, ClaimOnTask.FACILITY, ClaimOnTask.SERVICE_DATES, ClaimOnTask.FILE_BY,
      ClaimOnTask.CHARGE, ClaimOnTask.PAID, ClaimOnTask.BALANCE);

  /** Tasks about a remittance file (or a payment on it that matches no claim), with the field that describes it. */
  private static final Map<String, String> FILE_LEVEL_TASKS = Map.of(
      "RemittanceException", RemittancePostingProcess.VAR_PROBLEM_SUMMARY,
      "UnmatchedRemittance", RemittancePostingProcess.VAR_UNMATCHED_SUMMARY,
      "ReconcileDeposit", DepositReconciliationProcess.VAR_SUMMARY,
      "TriagePayerLetter", DenialManagementProcess.VAR_LETTER_SUMMARY);

  /** Fields that delegates and listeners read after the task (gateway conditions are found in the models). */
  private static final Map<String, List<String>> READ_BY_JAVA = Map.of(
      "ResolveRegistrationException", List.of("resolutionNote"),
      "ResolveClaimEdit", List.of(EncounterToCashProcess.VAR_CORRECTED_DIAGNOSIS_CODES,
          EncounterToCashProcess.VAR_CORRECTED_PRIOR_AUTHORIZATION, "resolutionNote"),
      "CorrectRejectedClaim", List.of("resolutionNote"),
      "FollowUpLateClaim", List.of("followUpNote"),
      "TriageDenial", List.of(DenialManagementProcess.VAR_TRIAGED_ROOT_CAUSE, DenialManagementProcess.VAR_TRIAGE_NOTE),
      "ReviewDenial", List.of(EncounterToCashProcess.VAR_DENIAL_NOTE),
      "RecordAppealDecision", List.of(DenialManagementProcess.VAR_APPEAL_OUTCOME,
          DenialManagementProcess.VAR_RECOVERED_AMOUNT, DenialManagementProcess.VAR_APPEAL_NOTE),
      "ApproveWriteOff", List.of("approvalNote"),
      "ApproveAdjustment", List.of(ManualAdjustmentProcess.VAR_APPROVAL_NOTE),
      "TriagePayerLetter", List.of(DenialManagementProcess.VAR_ATTACH_TO_PCN, DenialManagementProcess.VAR_LETTER_NOTE));

  private static Map<String, JsonNode> fields(JsonNode form) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    collect(form.path("components"), fields);
    return fields;
  }

  private static void collect(JsonNode components, Map<String, JsonNode> fields) {
    for (JsonNode component : components) {
      if (component.has("key")) {
        fields.put(component.get("key").asText(), component);
      }
      collect(component.path("components"), fields);
    }
  }

  private static List<String> taskListeners(UserTask task) {
    if (task.getExtensionElements() == null) {
      return List.of();
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
        .map(l -> l.getCamundaEvent() + " " + (l.getCamundaDelegateExpression() != null ? l.getCamundaDelegateExpression()
            : l.getCamundaExpression()))
        .toList();
  }

  private static final Pattern COMPARISON = Pattern.compile("(\\w+)\\s*(==|!=)\\s*'([^']*)'");

  /** Variables compared with literals in the conditions of the exclusive gateway right after the task. */
  private static Map<String, Set<String>> variablesTestedAfter(UserTask task) {
    Map<String, Set<String>> tested = new LinkedHashMap<>();
    for (SequenceFlow out : task.getOutgoing()) {
      if (out.getTarget() instanceof ExclusiveGateway gateway) {
        for (SequenceFlow branch : gateway.getOutgoing()) {
          if (branch.getConditionExpression() != null) {
            Matcher m = COMPARISON.matcher(branch.getConditionExpression().getTextContent());
            while (m.find()) {
              tested.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(3));
            }
          }
        }
      }
    }
    return tested;
  }

  /** Variables the processes set: the claim summary on the task and the constants of the process classes. */
  private static Set<String> processVariables() {
    Set<String> names = new TreeSet<>(CLAIM_SUMMARY_KEYS);
    for (Class<?> constants : List.of(EncounterToCashProcess.class, RegistrationCheckProcess.class,
        RemittancePostingProcess.class, DepositReconciliationProcess.class, DenialManagementProcess.class,
        ManualAdjustmentProcess.class)) {
      for (Field field : constants.getFields()) {
        if (field.getName().startsWith("VAR_") && Modifier.isStatic(field.getModifiers())) {
          try {
            names.add((String) field.get(null));
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return names;
  }

  @ParameterizedTest
  @MethodSource("models")
  void asynchronousStepsRetryAndCallActivitiesPassTheBusinessKey(File file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file);
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      if (task.isCamundaAsyncBefore()) {
        Collection<CamundaFailedJobRetryTimeCycle> retry = task.getExtensionElements() == null ? List.of()
            : task.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list();
        assertThat(retry).as("%s retries", task.getName()).hasSize(1);
      }
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      assertThat(call.getExtensionElements().getDomElement().getChildElements().stream()
          .anyMatch(e -> "in".equals(e.getLocalName()) && e.getAttribute("businessKey") != null))
          .as("%s passes the business key", call.getName()).isTrue();
    }
  }
}
