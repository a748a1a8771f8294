package org.revcycle.encounter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revcycle.remittance.RemittanceIntake;
import org.revcycle.remittance.RemittanceRepository;
import org.revcycle.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lifecycle through the REST API on PostgreSQL with the sandbox clearinghouse, payers and
 * ERP: encounters in, claims out, remittances posted, and the ledger checked after every scenario.
 */
class EncounterToCashIT extends PostgresIntegrationTest {

  private static final List<String> SETTLED = List.of("CLOSED", "PATIENT_BILLED", "WRITTEN_OFF");

  @Autowired JdbcClient jdbc;
  @Autowired RemittanceIntake remittanceIntake;
  @Autowired RemittanceRepository remittances;

  /** A clinic visit that passes every check: an established-patient visit and a lab panel. */
  static Map<String, Object> cleanVisit(String payerId, String memberId) {
    Map<String, Object> e = new HashMap<>();
    e.put("sourceSystem", "it-ehr");
    e.put("sourceId", "ENC-" + UUID.randomUUID());
    e.put("facilityId", "C07");
    e.put("encounterClass", "AMBULATORY");
    e.put("serviceDate", LocalDate.now().minusDays(3).toString());
    e.put("patient", Map.of("mrn", "MRN-" + UUID.randomUUID().toString().substring(0, 8), "familyName", "Testperson",
        "givenName", "Alex", "birthDate", "1961-05-14", "sex", "F", "state", "OH", "postalCode", "43004"));
    if (payerId != null) {
      e.put("coverage", Map.of("payerId", payerId, "memberId", memberId, "relationship", "SELF"));
    }
    e.put("diagnoses", List.of("E11.9", "I10"));
    e.put("charges", List.of(
        Map.of("procedureCode", "99214", "units", 1, "amount", "185.00"),
        Map.of("procedureCode", "80053", "units", 1, "amount", "64.50")));
    return e;
  }

  private Response post(Map<String, Object> encounter) {
    return given().auth().preemptive().basic("ehr", "it-ehr").contentType("application/json").body(encounter)
        .post("/api/encounters");
  }

  private JsonPath claim(String id) {
    return given().auth().preemptive().basic("billing", "it-billing").get("/api/claims/" + id)
        .then().statusCode(200).extract().jsonPath();
  }

  private String awaitStatus(String claimId, List<String> statuses) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .until(() -> statuses.contains(claim(claimId).getString("claim.status")));
    return claim(claimId).getString("claim.status");
  }

  @AfterEach
  void ledgerIsBalancedAndEveryClaimReconciles() {
    // every claim that is settled has finished its process, and with it the export to the ERP
    await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
        select count(*) from claim c where c.status in ('CLOSED', 'PATIENT_BILLED', 'WRITTEN_OFF')
          and exists (select 1 from journal_entry e where e.claim_id = c.id and e.exported_at is null)""")
        .query(Integer.class).single() == 0);
    List<Map<String, Object>> unbalanced = jdbc.sql("""
        select entry_id, sum(debit) d, sum(credit) c from journal_line group by entry_id having sum(debit) <> sum(credit)""")
        .query().listOfRows();
    assertThat(unbalanced).as("journal entries whose debits differ from credits").isEmpty();
    given().auth().preemptive().basic("finance", "it-finance").get("/api/ledger/trial-balance?asOf=2099-12-31")
        .then().statusCode(200).body("balanced", equalTo(true));
    for (UUID id : jdbc.sql("select id from claim").query(UUID.class).list()) {
      JsonPath amounts = claim(id.toString());
      assertThat(amounts.getBoolean("amounts.reconciles"))
          .as("charge = paid + adjustments + patient responsibility + balance, claim %s: %s", id,
              amounts.getMap("amounts"))
          .isTrue();
    }
  }

  @Test
  void cleanClaimGoesFromEncounterToPostedWithNoHumanTouch() {
    Response created = post(cleanVisit("CMB", "TG1234567-01"));
    created.then().statusCode(201).header("Location", containsString("/api/claims/"));
    String claimId = created.jsonPath().getString("claimId");

    String status = awaitStatus(claimId, SETTLED);
    JsonPath c = claim(claimId);
    assertThat(status).isIn("CLOSED", "PATIENT_BILLED");
    assertThat(c.getList("stages.stage")).containsSubsequence("INTAKE", "REGISTRATION", "CHARGE_REVIEW", "SUBMISSION",
        "ADJUDICATION", "POSTING", "CLOSE");
    assertThat(c.getList("decisions.decisionKey")).contains("payer-edits");
    assertThat(c.getString("decisions[0].decisionVersion")).isNotBlank();
    assertThat(new BigDecimal(c.getString("amounts.charge"))).isEqualByComparingTo("249.50");
    assertThat(new BigDecimal(c.getString("amounts.payerPaid"))).isPositive();
    assertThat(new BigDecimal(c.getString("amounts.insuranceBalance"))).isZero();
    assertThat(c.getString("claim.payerClaimNumber")).startsWith("CMB");
    // exported to the ERP, with the ERP's batch reference
    assertThat(jdbc.sql("select count(*) from journal_entry where claim_id = ? and erp_reference is null")
        .param(UUID.fromString(claimId)).query(Integer.class).single()).isZero();
    // no task was opened for this claim
    given().auth().preemptive().basic("admin", "it-admin").queryParam("processInstanceBusinessKey",
        c.getString("claim.patientControlNumber")).get("/engine-rest/task/count").then().body("count", equalTo(0));
  }

  @Test
  void theSameRemittanceDeliveredAgainIsRecordedAndPostedOnce() {
    String claimId = post(cleanVisit("CMA", "LMH123123123")).then().statusCode(201).extract().path("claimId");
    awaitStatus(claimId, SETTLED);
    UUID id = UUID.fromString(claimId);
    UUID remittanceId = remittances.latestFor(id).orElseThrow();
    int entries = jdbc.sql("select count(*) from journal_entry where claim_id = ?").param(id).query(Integer.class).single();

    RemittanceIntake.Received again = remittanceIntake.receive(remittances.load(remittanceId).adjudication(), "redelivery");

    assertThat(again.duplicate()).isTrue();
    assertThat(again.remittanceId()).isEqualTo(remittanceId);
    assertThat(jdbc.sql("select count(*) from remittance_claim where claim_id = ?").param(id).query(Integer.class).single())
        .isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from journal_entry where claim_id = ?").param(id).query(Integer.class).single())
        .isEqualTo(entries);
  }

  @Test
  void theSameEncounterTwiceIsOneClaim() {
    Map<String, Object> encounter = cleanVisit("CMA", "LMH123456789");
    String first = post(encounter).then().statusCode(201).extract().path("claimId");
    post(encounter).then().statusCode(200).body("claimId", equalTo(first)).body("duplicate", equalTo(true));
    assertThat(jdbc.sql("select count(*) from encounter where source_id = ?").param(encounter.get("sourceId"))
        .query(Integer.class).single()).isEqualTo(1);
    awaitStatus(first, SETTLED);
  }

  @Test
  void selfPayIsBilledToThePatient() {
    String claimId = post(cleanVisit(null, null)).then().statusCode(201).extract().path("claimId");
    assertThat(awaitStatus(claimId, SETTLED)).isEqualTo("PATIENT_BILLED");
    JsonPath c = claim(claimId);
    assertThat(new BigDecimal(c.getString("amounts.patientBalance"))).isEqualByComparingTo("249.50");
    assertThat(c.getList("stages.stage")).doesNotContain("SUBMISSION");
    assertThat(jdbc.sql("select amount_due from patient_statement where claim_id = ?").param(UUID.fromString(claimId))
        .query(BigDecimal.class).single()).isEqualByComparingTo("249.50");
  }

  @Test
  void registrationExceptionWaitsForABillingSpecialistThenTheClaimGoesOn() {
    Map<String, Object> encounter = cleanVisit("CMA", "LMH987654321");
    encounter.put("coverage", Map.of("payerId", "CMA", "memberId", "LMH987654321", "relationship", "SELF",
        "endDate", LocalDate.now().minusDays(40).toString()));
    String claimId = post(encounter).then().statusCode(201).extract().path("claimId");
    assertThat(awaitStatus(claimId, List.of("REGISTRATION_HOLD"))).isEqualTo("REGISTRATION_HOLD");
    String pcn = claim(claimId).getString("claim.patientControlNumber");

    await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().preemptive().basic("billing", "it-billing")
        .queryParam("processInstanceBusinessKey", pcn).get("/engine-rest/task").jsonPath().getList("id").size() == 1);
    JsonPath task = given().auth().preemptive().basic("billing", "it-billing")
        .queryParam("processInstanceBusinessKey", pcn).get("/engine-rest/task").jsonPath();
    assertThat(task.getString("[0].name")).isEqualTo("Resolve registration exception");
    String taskId = task.getString("[0].id");
    given().auth().preemptive().basic("billing", "it-billing").get("/engine-rest/task/" + taskId + "/variables/registrationProblems")
        .then().statusCode(200).body("value", containsString("coverage.endDate"));

    // the specialist finds the current coverage in patient access, then completes the task
    jdbc.sql("update claim set coverage_end = null where id = ?").param(UUID.fromString(claimId)).update();
    given().auth().preemptive().basic("billing", "it-billing").contentType("application/json")
        .body("{\"variables\":{\"resolutionNote\":{\"value\":\"Coverage renewed; updated end date\"}}}")
        .post("/engine-rest/task/" + taskId + "/complete").then().statusCode(204);

    assertThat(awaitStatus(claimId, SETTLED)).isIn("CLOSED", "PATIENT_BILLED");
    assertThat(claim(claimId).getList("stages.outcome")).containsSubsequence("EXCEPTION", "VERIFIED");
  }

  private String awaitTask(String pcn, String user, String password) {
    await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().preemptive().basic(user, password)
        .queryParam("processInstanceBusinessKey", pcn).get("/engine-rest/task").jsonPath().getList("id").size() == 1);
    return given().auth().preemptive().basic(user, password).queryParam("processInstanceBusinessKey", pcn)
        .get("/engine-rest/task").jsonPath().getString("[0].id");
  }

  private void completeDenialReview(String taskId, String decision) {
    completeDenialReview(taskId, decision, "denials", "it-denials");
  }

  private void completeDenialReview(String taskId, String decision, String user, String password) {
    given().auth().preemptive().basic(user, password).contentType("application/json")
        .body("{\"variables\":{\"denialDecision\":{\"value\":\"" + decision + "\"},"
            + "\"denialNote\":{\"value\":\"reviewed the medical record\"}}}")
        .post("/engine-rest/task/" + taskId + "/complete").then().statusCode(204);
  }

  @Test
  void deniedClaimIsWrittenOffByADenialAnalyst() {
    Map<String, Object> encounter = cleanVisit("CMA", "LMH555000111");
    encounter.put("priorAuthorization", "SANDBOX-DENY-50");
    String claimId = post(encounter).then().statusCode(201).extract().path("claimId");
    assertThat(awaitStatus(claimId, List.of("DENIED"))).isEqualTo("DENIED");
    String pcn = claim(claimId).getString("claim.patientControlNumber");

    String taskId = awaitTask(pcn, "denials", "it-denials");
    given().auth().preemptive().basic("denials", "it-denials").get("/engine-rest/task/" + taskId + "/variables/denialSummary")
        .then().statusCode(200).body("value", containsString("CO-50"));
    completeDenialReview(taskId, "WRITE_OFF");

    assertThat(awaitStatus(claimId, SETTLED)).isEqualTo("WRITTEN_OFF");
    JsonPath c = claim(claimId);
    assertThat(new BigDecimal(c.getString("amounts.writeOffs"))).isEqualByComparingTo("249.50");
    assertThat(new BigDecimal(c.getString("amounts.balance"))).isZero();
    assertThat(c.getList("stages.actor")).contains("denials");
    // denial management recorded the denial: classified by the root-cause table, worked, written off
    Map<String, Object> denial = jdbc.sql("select root_cause, classified_by, team, outcome, resolved_by, denied_amount,"
        + " recovery_probability from denial where claim_id = ?").param(UUID.fromString(claimId)).query().singleRow();
    assertThat(denial).containsEntry("root_cause", "MEDICAL_NECESSITY").containsEntry("classified_by", "TABLE")
        .containsEntry("team", "denial-analysts").containsEntry("outcome", "WRITTEN_OFF").containsEntry("resolved_by", "denials");
    assertThat((BigDecimal) denial.get("denied_amount")).isEqualByComparingTo("249.50");
    assertThat((BigDecimal) denial.get("recovery_probability")).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
    assertThat(c.getList("decisions.decisionKey")).contains("denial-root-cause");
  }

  @Test
  void largeWriteOffNeedsFinanceApproval() {
    Map<String, Object> encounter = cleanVisit("CMA", "LMH555000333");
    encounter.put("priorAuthorization", "SANDBOX-DENY-96");
    encounter.put("charges", List.of(Map.of("procedureCode", "29881", "units", 1, "amount", "4200.00")));
    String claimId = post(encounter).then().statusCode(201).extract().path("claimId");
    awaitStatus(claimId, List.of("DENIED"));
    String pcn = claim(claimId).getString("claim.patientControlNumber");
    completeDenialReview(awaitTask(pcn, "denials", "it-denials"), "WRITE_OFF");

    String approval = awaitTask(pcn, "finance", "it-finance");
    given().auth().preemptive().basic("finance", "it-finance").get("/engine-rest/task/" + approval)
        .then().body("name", equalTo("Approve write-off"));
    given().auth().preemptive().basic("denials", "it-denials").contentType("application/json")
        .body("{\"variables\":{\"writeOffApproval\":{\"value\":\"APPROVE\"}}}")
        .post("/engine-rest/task/" + approval + "/complete").then().statusCode(403);
    given().auth().preemptive().basic("finance", "it-finance").contentType("application/json")
        .body("{\"variables\":{\"writeOffApproval\":{\"value\":\"APPROVE\"},\"approvalNote\":{\"value\":\"ok\"}}}")
        .post("/engine-rest/task/" + approval + "/complete").then().statusCode(204);

    assertThat(awaitStatus(claimId, SETTLED)).isEqualTo("WRITTEN_OFF");
    JsonPath c = claim(claimId);
    assertThat(new BigDecimal(c.getString("amounts.writeOffs"))).isEqualByComparingTo("4200.00");
    assertThat(c.getList("stages.detail").toString()).contains("approved by finance");
    assertThat(c.getList("decisions.ruleId")).contains("Rule_WriteOffLarge");
  }

  @Test
  void deniedClaimCorrectedIsPaidAsAReplacement() {
    Map<String, Object> encounter = cleanVisit("CMA", "LMH555000222");
    encounter.put("priorAuthorization", "SANDBOX-DENY-16");
    String claimId = post(encounter).then().statusCode(201).extract().path("claimId");
    awaitStatus(claimId, List.of("DENIED"));
    // CO-16 with no remark code: the table leaves it to the classifier, which calls it missing information,
    // a denial for the billing specialists of patient access
    String pcn = claim(claimId).getString("claim.patientControlNumber");
    completeDenialReview(awaitTask(pcn, "billing", "it-billing"), "RESUBMIT", "billing", "it-billing");

    assertThat(awaitStatus(claimId, SETTLED)).isIn("CLOSED", "PATIENT_BILLED");
    JsonPath c = claim(claimId);
    assertThat(c.getString("claim.frequencyCode")).isEqualTo("7");
    assertThat(c.getInt("claim.submissions")).isEqualTo(2);
    assertThat(new BigDecimal(c.getString("amounts.writeOffs"))).isZero();
    assertThat(new BigDecimal(c.getString("amounts.payerPaid"))).isPositive();
    Map<String, Object> denial = jdbc.sql("select id, root_cause, classified_by, outcome from denial where claim_id = ?")
        .param(UUID.fromString(claimId)).query().singleRow();
    assertThat(denial).containsEntry("root_cause", "MISSING_INFORMATION").containsEntry("classified_by", "MODEL")
        .containsEntry("outcome", "RESUBMITTED");
    assertThat(jdbc.sql("select model from denial_prediction where denial_id = ?").param(denial.get("id"))
        .query(String.class).list()).as("every prediction is logged").containsExactlyInAnyOrder("root-cause", "recovery");
  }

  @Test
  void aFailedEditIsListedWithItsFixForTheCodersAndTheClaimGoesOnOnceFixed() {
    Map<String, Object> encounter = cleanVisit("CMA", "LMH555000444");
    encounter.put("diagnoses", List.of("M17.11"));
    encounter.put("charges", List.of(
        Map.of("procedureCode", "99213", "units", 1, "amount", "150.00"),
        Map.of("procedureCode", "20610", "modifiers", List.of("RT"), "units", 1, "amount", "99.50")));
    String claimId = post(encounter).then().statusCode(201).extract().path("claimId");
    assertThat(awaitStatus(claimId, List.of("CODING_HOLD"))).isEqualTo("CODING_HOLD");
    JsonPath c = claim(claimId);
    assertThat(c.getList("edits.code")).containsExactly("E-NCCI-PTP-MOD");
    assertThat(c.getString("edits[0].severity")).isEqualTo("ERROR");
    assertThat(c.getString("edits[0].message")).contains("99213", "20610");
    assertThat(c.getString("edits[0].suggestedFix")).contains("25");
    assertThat(c.getString("edits[0].queue")).isEqualTo("coders");
    assertThat(c.getString("edits[0].decisionKey")).isEqualTo("edit-families");
    assertThat(c.getString("edits[0].ruleId")).isEqualTo("Rule_FamilyPtpProfessional");
    assertThat(c.getString("edits[0].referenceTable")).isEqualTo("ncci_ptp_edit");
    assertThat(c.getString("edits[0].referenceVersion")).isEqualTo("ccipra-sample-v311r0");
    assertThat(c.getInt("edits[0].referenceRow")).isPositive();
    assertThat(c.getList("decisions.decisionKey")).contains("edit-families", "edit-queue", "work-queue-routing");

    String pcn = c.getString("claim.patientControlNumber");
    String taskId = awaitTask(pcn, "coder", "it-coder");
    given().auth().preemptive().basic("coder", "it-coder").queryParam("deserializeValue", false)
        .get("/engine-rest/task/" + taskId + "/variables/claimEdits")
        .then().statusCode(200).body("type", equalTo("Json")).body("value", containsString("E-NCCI-PTP-MOD"))
        .body("value", containsString("suggestedFix"));

    // the coder finds a separately identifiable visit documented and adds modifier 25 to the E/M
    jdbc.sql("update claim_line set modifiers = '25' where claim_id = ? and line_number = 1")
        .param(UUID.fromString(claimId)).update();
    given().auth().preemptive().basic("coder", "it-coder").contentType("application/json")
        .body("{\"variables\":{\"resolutionNote\":{\"value\":\"Added 25: separate visit documented\"}}}")
        .post("/engine-rest/task/" + taskId + "/complete").then().statusCode(204);

    assertThat(awaitStatus(claimId, SETTLED)).isIn("CLOSED", "PATIENT_BILLED");
    assertThat(claim(claimId).getList("edits.resolvedAt")).doesNotContainNull();
  }

  @Test
  void badEncountersAreRefusedByFieldAndKept() {
    Map<String, Object> encounter = cleanVisit("CMA", "LMH123456789");
    encounter.put("diagnoses", List.of("not-a-code"));
    encounter.put("charges", List.of(Map.of("procedureCode", "99214", "units", 1, "amount", "-5.00")));
    Response refused = post(encounter);
    refused.then().statusCode(400).contentType("application/problem+json")
        .body("errors.field", hasItem("charges[0].amount"))
        .body("errors.field", hasItem("diagnoses[0].<list element>"));
    assertThat(jdbc.sql("select status from inbound_message where payload like ?")
        .param("%" + encounter.get("sourceId") + "%").query(String.class).single()).isEqualTo("REJECTED");

    given().auth().preemptive().basic("ehr", "it-ehr").contentType("application/json").body("{\"sourceSystem\": ")
        .post("/api/encounters").then().statusCode(400).body("detail", containsString("line 1, column"));
    given().auth().preemptive().basic("coder", "it-coder").contentType("application/json").body(cleanVisit("CMA", "LMH1"))
        .post("/api/encounters").then().statusCode(403);
    given().auth().preemptive().basic("billing", "it-billing").get("/api/claims/" + UUID.randomUUID())
        .then().statusCode(404).contentType("application/problem+json");
  }

  @Test
  void claimsAreListedByStatusPayerAndFacility() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(post(cleanVisit("MCD", String.valueOf(100000000001L + i))).then().statusCode(201).extract().path("claimId"));
    }
    ids.forEach(id -> awaitStatus(id, SETTLED));
    List<String> listed = given().auth().preemptive().basic("finance", "it-finance")
        .queryParam("payer", "MCD").queryParam("facility", "C07").queryParam("limit", 500)
        .get("/api/claims").then().statusCode(200).extract().jsonPath().getList("id");
    assertThat(listed).containsAll(ids);
    given().auth().preemptive().basic("finance", "it-finance").queryParam("status", "NOT_A_STATUS").get("/api/claims")
        .then().statusCode(400).body("field", equalTo("status"));
  }
}
