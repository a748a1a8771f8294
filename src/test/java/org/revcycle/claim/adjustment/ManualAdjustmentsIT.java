package org.revcycle.claim.adjustment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.revcycle.support.LedgerInvariants;
import org.revcycle.support.PostgresIntegrationTest;
import org.revcycle.support.TestEncounters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * POST /api/claims/{id}/adjustments on PostgreSQL: below the threshold it posts at once; at or
 * above it finance approves first, the requester's own approval is refused (403, task open,
 * nothing posted); bad amounts and unknown claims are refused; the ledger balances throughout.
 */
class ManualAdjustmentsIT extends PostgresIntegrationTest {

  @Autowired JdbcClient jdbc;

  /** A clinic visit the sandbox payer denies (CO-50): its charge stays open in the insurance receivable. */
  private String deniedClaimId(String memberId, String amount) {
    Map<String, Object> e = TestEncounters.deniedClinicVisit("50", memberId, amount);
    String claimId = given().auth().preemptive().basic("ehr", "it-ehr").contentType("application/json").body(e)
        .post("/api/encounters").then().statusCode(201).extract().path("claimId");
    String pcn = pcn(claimId);
    // the denial is posted (and worked by denial management) once its review task exists
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> given().auth().preemptive()
        .basic("admin", "it-admin").queryParam("processInstanceBusinessKey", pcn)
        .queryParam("taskDefinitionKey", "ReviewDenial").get("/engine-rest/task").jsonPath().getList("id").size() == 1);
    return claimId;
  }

  private String pcn(String claimId) {
    return given().auth().preemptive().basic("billing", "it-billing").get("/api/claims/" + claimId).jsonPath()
        .getString("claim.patientControlNumber");
  }

  private BigDecimal insuranceBalance(String claimId) {
    return jdbc.sql("""
            select coalesce(sum(l.debit - l.credit), 0) from journal_line l join journal_entry e on e.id = l.entry_id
            join ledger_account a on a.code = l.account_code
            where e.claim_id = ? and coalesce(a.parent_code, a.code) = '1110'""")
        .param(UUID.fromString(claimId)).query(BigDecimal.class).single();
  }

  private List<Map<String, Object>> adjustmentLines(String claimId) {
    return jdbc.sql("""
            select l.account_code, l.debit, l.credit, e.posted_by from journal_line l join journal_entry e on e.id = l.entry_id
            where e.claim_id = ? and e.source_type = 'MANUAL_ADJUSTMENT' order by l.account_code""")
        .param(UUID.fromString(claimId)).query().listOfRows();
  }

  private static String body(String amount, String reason, String note) {
    return "{\"amount\":" + amount + ",\"reason\":\"" + reason + "\",\"note\":\"" + note + "\"}";
  }

  @Test
  void aSmallAdjustmentPostsAtOnceAndALargeOneWaitsForSomeoneElsesApproval() {
    String claimId = deniedClaimId("LMH555200111", "1800.00");
    String pcn = pcn(claimId);
    assertThat(insuranceBalance(claimId)).isEqualByComparingTo("1800.00");

    // below the threshold: posted at once, one balanced entry, off the payer-class receivable
    given().auth().preemptive().basic("billing", "it-billing").contentType("application/json")
        .body(body("25.00", "SMALL_BALANCE", "below the statement minimum"))
        .post("/api/claims/" + claimId + "/adjustments").then().statusCode(201)
        .body("account", equalTo("4130")).body("amount", org.hamcrest.Matchers.notNullValue());
    assertThat(adjustmentLines(claimId)).hasSize(2).anySatisfy(l -> {
      assertThat(l.get("account_code")).isEqualTo("4130");
      assertThat((BigDecimal) l.get("debit")).isEqualByComparingTo("25.00");
    }).anySatisfy(l -> {
      assertThat((String) l.get("account_code")).startsWith("111");
      assertThat((BigDecimal) l.get("credit")).isEqualByComparingTo("25.00");
    });
    assertThat(insuranceBalance(claimId)).isEqualByComparingTo("1775.00");
    LedgerInvariants.assertHold(jdbc);

    // at the threshold: finance approves first
    String instance = given().auth().preemptive().basic("admin", "it-admin").contentType("application/json")
        .body(body("1000.00", "ADMINISTRATIVE", "courtesy adjustment agreed with the payer"))
        .post("/api/claims/" + claimId + "/adjustments").then().statusCode(202)
        .body("queue", equalTo("finance")).extract().path("processInstanceId");
    String task = given().auth().preemptive().basic("finance", "it-finance").queryParam("processInstanceId", instance)
        .get("/engine-rest/task").then().statusCode(200).body("[0].taskDefinitionKey", equalTo("ApproveAdjustment"))
        .extract().path("[0].id");
    assertThat(insuranceBalance(claimId)).as("nothing posted yet").isEqualByComparingTo("1775.00");

    // the requester may not approve it: 403 with the reason, and the task stays open
    given().auth().preemptive().basic("admin", "it-admin").contentType("application/json")
        .body("{\"variables\":{\"adjustmentApproval\":{\"value\":\"APPROVE\"},\"approvalNote\":{\"value\":\"mine\"}}}")
        .post("/engine-rest/task/" + task + "/complete").then().statusCode(403)
        .body("type", equalTo("AuthorizationException"))
        .body("message", containsString("admin requested this adjustment and may not approve it"));
    given().auth().preemptive().basic("finance", "it-finance").get("/engine-rest/task/" + task)
        .then().statusCode(200).body("name", equalTo("Approve adjustment"));
    assertThat(insuranceBalance(claimId)).isEqualByComparingTo("1775.00");

    given().auth().preemptive().basic("finance", "it-finance").contentType("application/json")
        .body("{\"variables\":{\"adjustmentApproval\":{\"value\":\"APPROVE\"},\"approvalNote\":{\"value\":\"agreed\"}}}")
        .post("/engine-rest/task/" + task + "/complete").then().statusCode(204);
    assertThat(insuranceBalance(claimId)).isEqualByComparingTo("775.00");
    assertThat(adjustmentLines(claimId)).hasSize(4).filteredOn(l -> "admin".equals(l.get("posted_by"))).hasSize(2);
    assertThat(jdbc.sql("select count(*) from claim_event where claim_id = ? and stage = 'ADJUSTMENT' and outcome = 'POSTED'")
        .param(UUID.fromString(claimId)).query(Integer.class).single()).isEqualTo(2);
    LedgerInvariants.assertHold(jdbc);
    assertThat(pcn).isNotBlank();
  }

  @Test
  void anAdjustmentSentBackPostsNothing() {
    String claimId = deniedClaimId("LMH555200222", "2400.00");
    String instance = given().auth().preemptive().basic("billing", "it-billing").contentType("application/json")
        .body(body("2400.00", "CONTRACTUAL", "contract rate not applied"))
        .post("/api/claims/" + claimId + "/adjustments").then().statusCode(202).extract().path("processInstanceId");
    String task = given().auth().preemptive().basic("finance", "it-finance").queryParam("processInstanceId", instance)
        .get("/engine-rest/task").jsonPath().getString("[0].id");
    given().auth().preemptive().basic("finance", "it-finance").contentType("application/json")
        .body("{\"variables\":{\"adjustmentApproval\":{\"value\":\"REJECT\"},\"approvalNote\":{\"value\":\"appeal it\"}}}")
        .post("/engine-rest/task/" + task + "/complete").then().statusCode(204);

    assertThat(adjustmentLines(claimId)).isEmpty();
    assertThat(insuranceBalance(claimId)).isEqualByComparingTo("2400.00");
    assertThat(jdbc.sql("select count(*) from claim_event where claim_id = ? and stage = 'ADJUSTMENT' and outcome = 'REFUSED'")
        .param(UUID.fromString(claimId)).query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void badAmountsUnknownClaimsAndOtherRolesAreRefused() {
    String claimId = deniedClaimId("LMH555200333", "300.00");
    given().auth().preemptive().basic("billing", "it-billing").contentType("application/json")
        .body(body("300.01", "ADMINISTRATIVE", "too much")).post("/api/claims/" + claimId + "/adjustments")
        .then().statusCode(400).body(containsString("open insurance balance 300.00"));
    given().auth().preemptive().basic("billing", "it-billing").contentType("application/json")
        .body(body("-5.00", "ADMINISTRATIVE", "negative")).post("/api/claims/" + claimId + "/adjustments")
        .then().statusCode(400);
    given().auth().preemptive().basic("billing", "it-billing").contentType("application/json")
        .body(body("1.005", "ADMINISTRATIVE", "fractions of a cent")).post("/api/claims/" + claimId + "/adjustments")
        .then().statusCode(400).body(containsString("more than two decimals"));
    given().auth().preemptive().basic("billing", "it-billing").contentType("application/json")
        .body(body("5.00", "ADMINISTRATIVE", "unknown claim")).post("/api/claims/" + UUID.randomUUID() + "/adjustments")
        .then().statusCode(404);
    given().auth().preemptive().basic("coder", "it-coder").contentType("application/json")
        .body(body("5.00", "ADMINISTRATIVE", "not mine to adjust")).post("/api/claims/" + claimId + "/adjustments")
        .then().statusCode(403);
    assertThat(adjustmentLines(claimId)).isEmpty();
    LedgerInvariants.assertHold(jdbc);
  }

  @Test
  void theSameIdempotencyKeyAnswersTheSameAdjustmentAndAnotherBodyUnderItIsRefused() {
    String claimId = deniedClaimId("LMH555200333", "1500.00");
    String key = "adj-" + UUID.randomUUID();
    String small = body("30.00", "SMALL_BALANCE", "below the statement minimum");

    String first = given().auth().preemptive().basic("billing", "it-billing").header("Idempotency-Key", key)
        .contentType("application/json").body(small).post("/api/claims/" + claimId + "/adjustments").then().statusCode(201)
        .extract().path("adjustmentId");
    // a retry (same key, same request, the amount written differently): the same adjustment, 200, nothing posted again
    given().auth().preemptive().basic("billing", "it-billing").header("Idempotency-Key", key)
        .contentType("application/json").body(body("30", "SMALL_BALANCE", "below the statement minimum"))
        .post("/api/claims/" + claimId + "/adjustments").then().statusCode(200).body("adjustmentId", equalTo(first));
    assertThat(adjustmentLines(claimId)).hasSize(2);
    assertThat(insuranceBalance(claimId)).isEqualByComparingTo("1470.00");

    // the same key with another amount: refused naming the key, nothing posted
    given().auth().preemptive().basic("billing", "it-billing").header("Idempotency-Key", key)
        .contentType("application/json").body(body("31.00", "SMALL_BALANCE", "below the statement minimum"))
        .post("/api/claims/" + claimId + "/adjustments").then().statusCode(422)
        .body("detail", containsString("Idempotency-Key '" + key + "'"));
    assertThat(adjustmentLines(claimId)).hasSize(2);

    // one that waits for approval: a retry starts no second approval
    String bigKey = "adj-" + UUID.randomUUID();
    String big = body("1200.00", "ADMINISTRATIVE", "courtesy adjustment agreed with the payer");
    String instance = given().auth().preemptive().basic("admin", "it-admin").header("Idempotency-Key", bigKey)
        .contentType("application/json").body(big).post("/api/claims/" + claimId + "/adjustments").then().statusCode(202)
        .extract().path("processInstanceId");
    given().auth().preemptive().basic("admin", "it-admin").header("Idempotency-Key", bigKey)
        .contentType("application/json").body(big).post("/api/claims/" + claimId + "/adjustments").then().statusCode(200)
        .body("processInstanceId", equalTo(instance));
    assertThat(given().auth().preemptive().basic("admin", "it-admin").queryParam("processDefinitionKey", "manual-adjustment")
        .queryParam("businessKey", pcn(claimId)).get("/engine-rest/process-instance").jsonPath().getList("id")).hasSize(1);
    LedgerInvariants.assertHold(jdbc);
  }
}
