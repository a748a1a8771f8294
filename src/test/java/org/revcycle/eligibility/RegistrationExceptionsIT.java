package org.revcycle.eligibility;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.revcycle.sandbox.SandboxNetwork;
import org.revcycle.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each kind of registration failure opens "Resolve registration exception" with the problem in
 * plain words; the real-time 270/271 runs against the sandbox payers and is stored with the 271;
 * completing the task runs the check again.
 */
class RegistrationExceptionsIT extends PostgresIntegrationTest {

  private static final String NPI = new SandboxNetwork().providersAt("C07").get(0).npi();

  @Autowired JdbcClient jdbc;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;

  private static Map<String, Object> visit(Map<String, Object> coverage, String npi) {
    Map<String, Object> e = new HashMap<>();
    e.put("sourceSystem", "it-registration");
    e.put("sourceId", "ENC-" + UUID.randomUUID());
    e.put("facilityId", "C07");
    e.put("encounterClass", "AMBULATORY");
    e.put("serviceDate", LocalDate.now().minusDays(3).toString());
    e.put("patient", Map.of("mrn", "MRN-" + UUID.randomUUID().toString().substring(0, 8), "familyName", "Testperson",
        "givenName", "Alex", "birthDate", "1961-05-14", "sex", "F"));
    if (coverage != null) {
      e.put("coverage", coverage);
    }
    if (npi != null) {
      e.put("renderingProviderNpi", npi);
    }
    e.put("diagnoses", List.of("E11.9"));
    e.put("charges", List.of(Map.of("procedureCode", "99214", "units", 1, "amount", "185.00")));
    return e;
  }

  private static Map<String, Object> coverage(String payer, String member) {
    return new HashMap<>(Map.of("payerId", payer, "memberId", member, "relationship", "SELF"));
  }

  /** Posts the encounter; returns the claim's patient control number. */
  private String post(Map<String, Object> encounter) {
    return given().auth().preemptive().basic("ehr", "it-ehr").contentType("application/json").body(encounter)
        .post("/api/encounters").then().statusCode(201).extract().path("patientControlNumber");
  }

  private Task awaitTask(String pcn) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .until(() -> taskService.createTaskQuery().processInstanceBusinessKey(pcn).active().count() == 1);
    return taskService.createTaskQuery().processInstanceBusinessKey(pcn).active().singleResult();
  }

  private String problemsOf(Task task) {
    return (String) runtimeService.getVariable(task.getExecutionId(), RegistrationCheckProcess.VAR_REGISTRATION_PROBLEMS);
  }

  private List<Map<String, Object>> eligibilityChecks(String pcn) {
    return jdbc.sql("""
        select e.outcome, e.response_271, e.request_270 from eligibility_check e join claim c on c.id = e.claim_id
        where c.patient_control_number = ? order by e.checked_at""").param(pcn).query().listOfRows();
  }

  @Test
  void coverageThatEndedBeforeTheVisitIsNamedAndNoInquiryIsSent() {
    Map<String, Object> coverage = coverage("CMA", "LMH123456781");
    coverage.put("endDate", LocalDate.now().minusDays(10).toString());
    String pcn = post(visit(coverage, NPI));

    Task task = awaitTask(pcn);
    assertThat(task.getName()).isEqualTo("Resolve registration exception");
    assertThat(problemsOf(task)).contains("coverage.endDate: Coverage ended");
    assertThat(eligibilityChecks(pcn)).isEmpty();
  }

  @Test
  void aMemberIdOutOfThePayersFormatIsNamed() {
    String pcn = post(visit(coverage("CMA", "LMH12345"), NPI));

    assertThat(problemsOf(awaitTask(pcn))).contains("coverage.memberId: The member id does not have the format payer CMA");
  }

  @Test
  void anInactiveCoverageFromThe271IsNamedStoredWithThe271AndRecheckedOnCompletion() {
    String pcn = post(visit(coverage("CMA", "LMH123456700"), NPI));

    Task task = awaitTask(pcn);
    assertThat(problemsOf(task)).contains("eligibility: Payer CMA reports no active coverage on the date of service");
    List<Map<String, Object>> checks = eligibilityChecks(pcn);
    assertThat(checks).singleElement().satisfies(c -> {
      assertThat(c.get("outcome")).isEqualTo("INACTIVE");
      assertThat((String) c.get("request_270")).contains("ST*270*", "MI*LMH123456700");
      assertThat((String) c.get("response_271")).contains("ST*271*", "EB*6*IND*30");
    });

    // completing without a fix asks the payer again, and the task comes back
    taskService.complete(task.getId(), Map.of("resolutionNote", "Called the payer"));
    await().atMost(Duration.ofSeconds(60)).until(() -> eligibilityChecks(pcn).size() == 2);
    Task again = awaitTask(pcn);
    assertThat(again.getId()).isNotEqualTo(task.getId());

    // with the current member id the payer answers active and the claim goes on
    jdbc.sql("update claim set member_id = 'LMH123456781' where patient_control_number = ?").param(pcn).update();
    taskService.complete(again.getId(), Map.of("resolutionNote", "New card: member id corrected"));
    await().atMost(Duration.ofSeconds(60)).until(() -> eligibilityChecks(pcn).size() == 3);
    assertThat(eligibilityChecks(pcn).get(2).get("outcome")).isEqualTo("ACTIVE");
    await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
        select count(*) from claim_event e join claim c on c.id = e.claim_id
        where c.patient_control_number = ? and e.stage = 'REGISTRATION' and e.outcome = 'VERIFIED'""")
        .param(pcn).query(Integer.class).single() == 1);
  }

  @Test
  void aSubscriberThePayerDoesNotKnowIsTheAaaInWords() {
    String pcn = post(visit(coverage("CMA", "LMH123456799"), NPI));

    assertThat(problemsOf(awaitTask(pcn))).contains("coverage: Payer CMA rejected the eligibility inquiry:",
        "(AAA 75)", "Correct the registration and complete this task to ask again.");
    assertThat(eligibilityChecks(pcn)).singleElement()
        .satisfies(c -> assertThat((String) c.get("response_271")).contains("AAA*Y**75*C"));
  }

  @Test
  void aChildsCoverageWithoutItsSubscriberIsNamed() {
    Map<String, Object> coverage = coverage("CMB", "TG1234567-03");
    coverage.put("relationship", "CHILD");
    String pcn = post(visit(coverage, NPI));

    assertThat(problemsOf(awaitTask(pcn))).contains("coverage.subscriber: The patient is the child of the subscriber");
  }

  @Test
  void anUnknownPayerAndAnUnknownProviderAreTasksNotCrashes() {
    String unknownPayer = post(visit(coverage("ZZZ", "ANY123"), NPI));
    String unknownProvider = post(visit(coverage("CMA", "LMH123456781"), SandboxNetwork.npiWithCheckDigit("199999999")));

    assertThat(problemsOf(awaitTask(unknownPayer))).contains("coverage.payerId: Payer 'ZZZ' is not in the master data");
    assertThat(problemsOf(awaitTask(unknownProvider))).contains("renderingProviderNpi: The rendering provider's NPI");
  }

  @Test
  void aCleanRegistrationIsVerifiedWithAnActive271() {
    String pcn = post(visit(coverage("CMA", "LMH123456781"), NPI));

    await().atMost(Duration.ofSeconds(60)).until(() -> !eligibilityChecks(pcn).isEmpty());
    assertThat(eligibilityChecks(pcn).get(0).get("outcome")).isEqualTo("ACTIVE");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(pcn).taskName("Resolve registration exception")
        .count()).isZero();
  }
}
