package org.revcycle.platform.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.revcycle.encounter.EncounterToCashWorkflow;
import org.revcycle.ledger.Ledger;
import org.revcycle.support.CodingEditClaims;
import org.revcycle.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The queues in Tasklist: one filter per queue, for the groups that work it, most urgent first. */
class TasklistFiltersIT extends PostgresIntegrationTest {

  private static final List<String> QUEUE_NAMES = List.of("My group's tasks", "My tasks", "Registration exceptions",
      "Coding edits", "Claim rejections", "Late claims", "Denials", "Approvals", "Remittances", "Deposits");

  @Autowired TasklistFilters tasklistFilters;
  @Autowired FilterService filterService;
  @Autowired AuthorizationService authorizationService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  @Autowired EncounterToCashWorkflow workflow;
  @Autowired Ledger ledger;

  private List<String> filterNames(String user, String password) {
    return given().auth().preemptive().basic(user, password).get("/engine-rest/filter")
        .then().statusCode(200).extract().jsonPath().getList("name", String.class);
  }

  @Test
  void eachGroupSeesTheQueuesItWorks() {
    assertThat(filterNames("admin", "it-admin")).containsAll(QUEUE_NAMES);
    // denials go to the team that owns the root cause: patient access (billing) and coding work them too
    assertThat(filterNames("billing", "it-billing")).containsExactlyInAnyOrder("My group's tasks", "My tasks",
        "Registration exceptions", "Coding edits", "Claim rejections", "Late claims", "Denials", "Remittances");
    assertThat(filterNames("coder", "it-coder")).containsExactlyInAnyOrder("My group's tasks", "My tasks", "Coding edits",
        "Denials");
    assertThat(filterNames("denials", "it-denials")).containsExactlyInAnyOrder("My group's tasks", "My tasks", "Denials",
        "Approvals");
    assertThat(filterNames("finance", "it-finance")).containsExactlyInAnyOrder("My group's tasks", "My tasks", "Approvals", "Deposits");
    assertThat(filterNames("analyst", "it-analyst")).isEmpty();
    assertThat(filterNames("ehr", "it-ehr")).isEmpty();
  }

  @Test
  void everyQueueListsTheMostUrgentFirstAndEveryUserTaskHasItsQueue() {
    List<String> queuedTaskKeys = new ArrayList<>();
    for (String name : QUEUE_NAMES) {
      String id = filterService.createFilterQuery().filterName(name).singleResult().getId();
      Map<String, Object> query = given().auth().preemptive().basic("admin", "it-admin")
          .get("/engine-rest/filter/" + id).then().statusCode(200).extract().jsonPath().getMap("query");
      assertThat(query.get("sorting")).as(name).isEqualTo(List.of(
          Map.of("sortBy", "priority", "sortOrder", "desc"), Map.of("sortBy", "dueDate", "sortOrder", "asc")));
      if (query.get("taskDefinitionKeyIn") instanceof List<?> keys) {
        keys.forEach(key -> queuedTaskKeys.add((String) key));
      }
    }
    List<String> userTasks = Arrays.stream(new File("processes").listFiles((dir, n) -> n.endsWith(".bpmn")))
        .flatMap(f -> Bpmn.readModelFromFile(f).getModelElementsByType(UserTask.class).stream())
        .map(UserTask::getId)
        .toList();
    assertThat(queuedTaskKeys).as("each user task in exactly one queue filter").containsExactlyInAnyOrderElementsOf(userTasks);
  }

  @Test
  void creatingTheFiltersAgainChangesNothing() {
    long filters = filterService.createFilterQuery().count();
    long grants = authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).count();
    tasklistFilters.createFilters();
    tasklistFilters.createFilters();
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).count()).isEqualTo(grants);
  }

  @Test
  void codingEditsCarryTheServiceLevelAndThePriorityOfTheAmountAtStake() {
    CodingEditClaims claims = new CodingEditClaims(jdbc, ledger, workflow);
    Instant before = Instant.now();
    CodingEditClaims.Held small = claims.startWithoutDiagnosis(new BigDecimal("150.00"));
    CodingEditClaims.Held large = claims.startWithoutDiagnosis(new BigDecimal("12500.00"));
    Task smallTask = awaitTask(small.patientControlNumber());
    Task largeTask = awaitTask(large.patientControlNumber());

    // decisions/work-queue-routing.dmn: coding 50 within 48 hours, high-dollar coding 90 within 24 hours
    assertThat(smallTask.getPriority()).isEqualTo(50);
    assertThat(largeTask.getPriority()).isEqualTo(90);
    assertThat(smallTask.getDueDate().toInstant())
        .isBetween(before.plus(48, ChronoUnit.HOURS), Instant.now().plus(48, ChronoUnit.HOURS));
    assertThat(largeTask.getDueDate().toInstant())
        .isBetween(before.plus(24, ChronoUnit.HOURS), Instant.now().plus(24, ChronoUnit.HOURS));

    String codingEdits = filterService.createFilterQuery().filterName("Coding edits").singleResult().getId();
    List<String> ids = given().auth().preemptive().basic("coder", "it-coder")
        .get("/engine-rest/filter/" + codingEdits + "/list").then().statusCode(200)
        .extract().jsonPath().getList("id", String.class);
    assertThat(ids).containsSubsequence(largeTask.getId(), smallTask.getId());
    // the denial analyst may not open the coding queue at all
    given().auth().preemptive().basic("denials", "it-denials").get("/engine-rest/filter/" + codingEdits + "/list")
        .then().statusCode(403);

    // the task shows the claim without opening it: the summary is on the task, for the form
    Map<String, Object> variables = given().auth().preemptive().basic("coder", "it-coder")
        .get("/engine-rest/task/" + smallTask.getId() + "/form-variables").then().statusCode(200)
        .extract().jsonPath().getMap("");
    assertThat(variables).containsKeys("patientControlNumber", "payer", "facility", "serviceDates", "claimCharge",
        "claimBalance", "fileBy", "editSummary");
    assertThat(given().auth().preemptive().basic("coder", "it-coder")
        .get("/engine-rest/task/" + smallTask.getId() + "/form-variables").jsonPath().getString("claimCharge.value"))
        .isEqualTo("150.00 USD");
  }

  /** The call activities pass the business key: the charge-review instance carries the claim's PCN. */
  private Task awaitTask(String patientControlNumber) {
    await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery()
        .processInstanceBusinessKey(patientControlNumber).taskDefinitionKey("ResolveClaimEdit").count() == 1);
    return taskService.createTaskQuery().processInstanceBusinessKey(patientControlNumber)
        .taskDefinitionKey("ResolveClaimEdit").singleResult();
  }
}
