package org.revcycle.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An engine at history level activity, as the application runs, with the filter in place. */
class PassThroughNodeHistoryTest {

  private static ProcessEngine engine;

  @BeforeAll
  static void startEngine() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("pass-through-history");
    configuration.setJdbcUrl("jdbc:h2:mem:pass-through-history;DB_CLOSE_DELAY=1000");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("activity");
    configuration.setEnforceHistoryTimeToLive(false);
    PassThroughNodeHistory.applyTo(configuration);
    engine = configuration.buildProcessEngine();

    BpmnModelInstance model = Bpmn.createExecutableProcess("review").startEvent("Received")
        .exclusiveGateway("NeedsReview")
          .condition("yes", "${needsReview}").userTask("Review").camundaCandidateGroups("billing-specialists")
          .serviceTask("Record").camundaAsyncBefore().camundaExpression("${true}")
          .endEvent("Reviewed")
        .moveToLastGateway()
          .condition("no", "${!needsReview}").endEvent("NoReviewNeeded")
        .done();
    engine.getRepositoryService().createDeployment().addModelInstance("review.bpmn", model).deploy();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void tasksWaitsAndEndsKeepTheirHistoryTheNodesPassedThroughDoNot() {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("review",
        Map.of("needsReview", true));
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery()
        .processInstanceId(instance.getId()).singleResult().getId());
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(instance.getId()).singleResult().getId());

    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .orderPartiallyByOccurrence().asc().list())
        .extracting(HistoricActivityInstance::getActivityId, a -> a.getEndTime() != null)
        .containsExactly(tuple("Review", true),
            tuple("Record", true), tuple("Reviewed", true));
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getTaskDefinitionKey()).isEqualTo("Review");
  }

  @Test
  void aPathWithoutTasksLeavesOnlyItsEnd() {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("review",
        Map.of("needsReview", false));

    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .list()).extracting(HistoricActivityInstance::getActivityId).containsExactly("NoReviewNeeded");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .finished().count()).isEqualTo(1);
  }
}
