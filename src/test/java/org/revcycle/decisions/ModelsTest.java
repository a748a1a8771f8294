package org.revcycle.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The BPMN files themselves: they open in Camunda Modeler as drawn, read as the business speaks,
 * and keep the house rules (forms and queues on user tasks, retries on asynchronous steps).
 * bpmnlint with the Camunda 7.24 rules checks the rest (see the README).
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

  @ParameterizedTest
  @MethodSource("models")
  void userTasksHaveAQueueAFormAndADueDate(File file) {
    for (UserTask task : Bpmn.readModelFromFile(file).getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaCandidateGroups()).as("%s queue", task.getName()).isNotBlank();
      assertThat(task.getCamundaFormRef()).as("%s form", task.getName()).isNotBlank();
      assertThat(new File("processes/forms/" + task.getCamundaFormRef() + ".form")).as("%s form file", task.getName()).exists();
      assertThat(task.getCamundaDueDate()).as("%s due date", task.getName()).isNotBlank();
    }
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
