package org.revcycle.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.revcycle.eligibility.RegistrationCheckProcess;
import org.revcycle.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The models deploy from processes/ and decisions/, and tasks reach only their own groups. */
class DeploymentAndTasksIT extends PostgresIntegrationTest {

  @Autowired org.camunda.bpm.engine.ProcessEngine processEngine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;

  @Test
  void bpmnDmnAndFormsAreDeployedByTheResourcePattern() {
    List<String> names = repositoryService.createDeploymentQuery().list().stream()
        .flatMap(d -> repositoryService.getDeploymentResources(d.getId()).stream())
        .map(Resource::getName)
        .toList();
    assertThat(names).anyMatch(n -> n.endsWith("registration-check.bpmn"))
        .anyMatch(n -> n.endsWith("registration-exception.form"))
        .anyMatch(n -> n.endsWith("work-queue-routing.dmn"));
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("work-queue-routing").count())
        .isPositive();
  }

  @Test
  void historyIsRemovedNightlyAfterEachInstanceEnds() {
    var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
        processEngine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("endTimeBased");
    assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("none");
    // the engine schedules its cleanup job for the next window
    assertThat(processEngine.getHistoryService().findHistoryCleanupJobs()).isNotEmpty()
        .allSatisfy(job -> assertThat(job.getDuedate()).isNotNull());
    assertThat(repositoryService.createProcessDefinitionQuery().latestVersion().list())
        .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isEqualTo(180));
  }

  @Test
  void registrationExceptionIsVisibleToBillingSpecialistsOnly() {
    UUID claimId = claimWithoutCoverage();
    String instanceId = runtimeService.startProcessInstanceByKey(
        RegistrationCheckProcess.KEY, "PCN-" + claimId, Map.of(RegistrationCheckProcess.VAR_CLAIM_ID, claimId.toString()))
        .getId();

    // the job executor runs the asynchronous check on PostgreSQL
    await().atMost(Duration.ofSeconds(30)).until(
        () -> taskService.createTaskQuery().processInstanceId(instanceId).count() == 1);
    assertThat(runtimeService.getVariable(instanceId, RegistrationCheckProcess.VAR_REGISTRATION_PROBLEMS))
        .asString().contains("coverage.endDate");

    given().auth().preemptive().basic("billing", "it-billing")
        .queryParam("processInstanceId", instanceId).get("/engine-rest/task")
        .then().statusCode(200).body("", hasSize(1)).body("[0].name", equalTo("Resolve registration exception"));
    given().auth().preemptive().basic("coder", "it-coder")
        .queryParam("processInstanceId", instanceId).get("/engine-rest/task")
        .then().statusCode(200).body("", empty());

    // Tasklist's start-up filter "My group's tasks" shows it to billing, not to the coder
    String filterId = given().auth().preemptive().basic("billing", "it-billing")
        .queryParam("name", "My group's tasks").get("/engine-rest/filter")
        .then().statusCode(200).body("", hasSize(1)).extract().path("[0].id");
    given().auth().preemptive().basic("billing", "it-billing").get("/engine-rest/filter/" + filterId + "/list")
        .then().statusCode(200).body("processInstanceId", hasItem(instanceId));
    given().auth().preemptive().basic("coder", "it-coder").get("/engine-rest/filter/" + filterId + "/list")
        .then().statusCode(200).body("processInstanceId", not(hasItem(instanceId)));

    // completing it as the coder is refused; as the billing specialist it re-runs the check
    String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    given().auth().preemptive().basic("coder", "it-coder").contentType("application/json")
        .body("{\"variables\":{\"resolutionNote\":{\"value\":\"not mine\"}}}")
        .post("/engine-rest/task/" + taskId + "/complete").then().statusCode(403);
    jdbc.sql("update claim set coverage_end = null where id = ?").param(claimId).update();
    given().auth().preemptive().basic("billing", "it-billing").contentType("application/json")
        .body("{\"variables\":{\"resolutionNote\":{\"value\":\"Added Medicare coverage\"}}}")
        .post("/engine-rest/task/" + taskId + "/complete").then().statusCode(204);
    await().atMost(Duration.ofSeconds(30)).until(
        () -> runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count() == 0);
  }

  /** A claim whose coverage ended before the date of service: a registration exception. */
  private UUID claimWithoutCoverage() {
    UUID patientId = UUID.randomUUID();
    UUID encounterId = UUID.randomUUID();
    UUID claimId = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    LocalDate serviceDate = LocalDate.now().minusDays(2);
    jdbc.sql("""
        insert into patient (id, source_system, mrn, family_name, given_name, birth_date, sex)
        values (?, 'test', ?, 'Testperson', 'Pat', ?, 'F')""")
        .params(patientId, patientId.toString(), LocalDate.of(1970, 1, 1)).update();
    jdbc.sql("""
        insert into encounter (id, source_system, source_id, facility_id, patient_id, encounter_class, service_date, received_at)
        values (?, 'test', ?, 'C01', ?, 'AMBULATORY', ?, ?)""")
        .params(encounterId, encounterId.toString(), patientId, serviceDate, now).update();
    jdbc.sql("""
        insert into claim (id, patient_control_number, encounter_id, claim_type, payer_id, member_id, subscriber_relationship,
          coverage_end, status, total_charge, created_at, updated_at)
        values (?, ?, ?, 'PROFESSIONAL', 'CMA', 'LMH123456789', 'SELF', ?, 'RECEIVED', ?, ?, ?)""")
        .params(claimId, "PCN-" + claimId.toString().substring(0, 8), encounterId, serviceDate.minusDays(30),
            new BigDecimal("150.00"), now, now)
        .update();
    return claimId;
  }
}
