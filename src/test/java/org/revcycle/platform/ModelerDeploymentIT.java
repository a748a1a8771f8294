package org.revcycle.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.revcycle.platform.engine.PolicyDecisions;
import org.revcycle.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An analyst changes a model and presses Deploy in Camunda Modeler: the Modeler posts the file to
 * /engine-rest/deployment/create with the user's credentials. New work takes the new version at
 * once, running instances keep theirs, and only analysts (and admins) may deploy.
 */
class ModelerDeploymentIT extends PostgresIntegrationTest {

  private static final String ROUTING = "work-queue-routing";
  private static final Path ROUTING_FILE = Path.of("decisions/work-queue-routing.dmn");

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired PolicyDecisions policy;

  /** The request Camunda Modeler's Deploy button sends (multipart, HTTP basic). */
  private Response modelerDeploy(String user, String password, String deploymentName, String fileName, byte[] content) {
    return given().auth().preemptive().basic(user, password)
        .multiPart("deployment-name", deploymentName)
        .multiPart("deployment-source", "Camunda Modeler")
        .multiPart("deploy-changed-only", "true")
        .multiPart(fileName, fileName, content, "application/octet-stream")
        .post("/engine-rest/deployment/create");
  }

  private int codingDueInHours() {
    return ((Number) policy.evaluate(ROUTING, codingEdit()).single().outputs().get("dueInHours")).intValue();
  }

  /** A 150 USD coding edit at a clinic with no specialty: the network standard applies. */
  private static Map<String, Object> codingEdit() {
    Map<String, Object> inputs = new java.util.HashMap<>();
    inputs.put("exceptionType", "CODING");
    inputs.put("claimCharge", 150.0);
    inputs.put("editCode", null);
    inputs.put("facilityId", "C07");
    inputs.put("facilityType", "CLINIC");
    inputs.put("specialty", null);
    return inputs;
  }

  @Test
  void aChangedDecisionTableAppliesToTheNextEvaluationAndCanBeRolledBack() throws IOException {
    String original = Files.readString(ROUTING_FILE, StandardCharsets.UTF_8);
    String rule = "<outputEntry id=\"Out_Coding_dueInHours\"><text>48</text></outputEntry>";
    assertThat(original).as("the coding service level this test changes").contains(rule);
    String changed = original.replace(rule, "<outputEntry id=\"Out_Coding_dueInHours\"><text>36</text></outputEntry>");
    int versionBefore = latestRoutingVersion();
    assertThat(codingDueInHours()).isEqualTo(48);

    try {
      modelerDeploy("analyst", "it-analyst", "coding-service-level", "work-queue-routing.dmn",
          changed.getBytes(StandardCharsets.UTF_8))
          // the file holds the routing decision and the queue-per-edit decision it requires
          .then().statusCode(200).body("deployedDecisionDefinitions.size()", equalTo(2));

      assertThat(latestRoutingVersion()).isEqualTo(versionBefore + 1);
      assertThat(policy.evaluate(ROUTING, codingEdit()).decisionVersion())
          .isEqualTo(versionBefore + 1);
      assertThat(codingDueInHours()).isEqualTo(36);

      // pressing Deploy again without a change deploys nothing (deploy-changed-only)
      modelerDeploy("analyst", "it-analyst", "coding-service-level", "work-queue-routing.dmn",
          changed.getBytes(StandardCharsets.UTF_8))
          .then().statusCode(200).body("deployedDecisionDefinitions", equalTo(null));
      assertThat(latestRoutingVersion()).isEqualTo(versionBefore + 1);
    } finally {
      // rolling back is deploying the previous file again: it becomes the newest version
      modelerDeploy("analyst", "it-analyst", "coding-service-level", "work-queue-routing.dmn",
          original.getBytes(StandardCharsets.UTF_8)).then().statusCode(200);
    }
    assertThat(codingDueInHours()).isEqualTo(48);
  }

  @Test
  void newInstancesTakeTheNewProcessVersionAndRunningOnesKeepTheirs() {
    modelerDeploy("analyst", "it-analyst", "probe", "modeler-probe.bpmn", probe("Check the probe"))
        .then().statusCode(200);
    ProcessInstance running = runtimeService.startProcessInstanceByKey("modeler-probe");

    modelerDeploy("analyst", "it-analyst", "probe", "modeler-probe.bpmn", probe("Check the probe, version two"))
        .then().statusCode(200).body("deployedProcessDefinitions.size()", equalTo(1));
    ProcessInstance started = runtimeService.startProcessInstanceByKey("modeler-probe");

    ProcessDefinition first = repositoryService.getProcessDefinition(running.getProcessDefinitionId());
    ProcessDefinition second = repositoryService.getProcessDefinition(started.getProcessDefinitionId());
    assertThat(second.getVersion()).isEqualTo(first.getVersion() + 1);
    assertThat(taskService.createTaskQuery().processInstanceId(running.getId()).singleResult().getName())
        .isEqualTo("Check the probe");
    assertThat(taskService.createTaskQuery().processInstanceId(started.getId()).singleResult().getName())
        .isEqualTo("Check the probe, version two");

    // the analyst may see the definitions they deployed (Modeler shows the result), not start them
    given().auth().preemptive().basic("analyst", "it-analyst")
        .queryParam("key", "modeler-probe").get("/engine-rest/process-definition")
        .then().statusCode(200).body("size()", equalTo(2));
    given().auth().preemptive().basic("analyst", "it-analyst").contentType("application/json").body("{}")
        .post("/engine-rest/process-definition/key/modeler-probe/start")
        .then().statusCode(403);
    given().auth().preemptive().basic("analyst", "it-analyst")
        .get("/engine-rest/task").then().statusCode(200).body("size()", equalTo(0));
  }

  @Test
  void whoeverMayNotDeployIsRefusedAndNothingIsDeployed() throws IOException {
    byte[] routing = Files.readAllBytes(ROUTING_FILE);
    long deployments = repositoryService.createDeploymentQuery().count();
    int routingVersion = latestRoutingVersion();
    for (List<String> user : List.of(List.of("billing", "it-billing"), List.of("coder", "it-coder"),
        List.of("denials", "it-denials"), List.of("finance", "it-finance"), List.of("ehr", "it-ehr"))) {
      modelerDeploy(user.get(0), user.get(1), "not-allowed", "work-queue-routing.dmn", routing)
          .then().statusCode(403).body("type", equalTo("AuthorizationException"));
      modelerDeploy(user.get(0), user.get(1), "not-allowed", "modeler-probe.bpmn", probe("Not allowed"))
          .then().statusCode(403);
    }
    // a wrong password (on the user kept for that: the engine delays its next login)
    modelerDeploy("lockout", "wrong-password", "not-allowed", "work-queue-routing.dmn", routing)
        .then().statusCode(401);

    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repositoryService.createDeploymentQuery().deploymentName("not-allowed").count()).isZero();
    assertThat(latestRoutingVersion()).isEqualTo(routingVersion);
  }

  @Test
  void analystsMayNotDeleteDeployments() {
    // the application's own deployment (an analyst's own deployments are theirs: Camunda grants the deployer on them)
    String deploymentId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("encounter-to-cash")
        .latestVersion().singleResult().getDeploymentId();
    given().auth().preemptive().basic("analyst", "it-analyst").delete("/engine-rest/deployment/" + deploymentId)
        .then().statusCode(anyOf(equalTo(403), equalTo(404))); // 404: analysts may not even read deployments
    assertThat(repositoryService.createDeploymentQuery().deploymentId(deploymentId).count()).isOne();
  }

  private int latestRoutingVersion() {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(ROUTING).latestVersion()
        .singleResult().getVersion();
  }

  /** A one-task process as an analyst would draw it; only the task's name differs per version. */
  private static byte[] probe(String taskName) {
    return Bpmn.convertToString(Bpmn.createExecutableProcess("modeler-probe").name("Modeler probe")
            .camundaHistoryTimeToLive(1)
            .startEvent().name("Probe started")
            .userTask("CheckProbe").name(taskName)
            .endEvent().name("Probe done")
            .done())
        .getBytes(StandardCharsets.UTF_8);
  }
}
