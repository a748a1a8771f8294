package org.revcycle.denial;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.revcycle.remittance.RemittancePosting;
import org.revcycle.sandbox.SandboxPayerClearinghouse;
import org.revcycle.support.LedgerInvariants;
import org.revcycle.support.PostgresIntegrationTest;
import org.revcycle.x12.InterchangeParties;
import org.revcycle.x12.SequenceControlNumbers;
import org.revcycle.x12.remittance.Adjustment;
import org.revcycle.x12.remittance.ClaimPayment;
import org.revcycle.x12.remittance.RemittanceAdvice;
import org.revcycle.x12.remittance.RemittanceAdviceWriter;
import org.revcycle.x12.remittance.RemittanceHeader;
import org.revcycle.x12.remittance.ServicePayment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Denials the sandbox payers do not send on their own, with the 835s a test writes (the claims hold
 * their sandbox remittance, SANDBOX-HOLD-835): a line denied inside a paid claim is worked as a
 * denial of that line, its replacement claim's payment is the recovered amount (trends included),
 * and an 835 denying a claim already denied on its status (277 F2) joins that denial.
 */
class LineDenialsIT extends PostgresIntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired SequenceControlNumbers controlNumbers;
  @Autowired RemittancePosting remittancePosting;
  @Autowired DenialManagement denialManagement;

  private static final LocalDate SERVICE_DATE = LocalDate.now().minusDays(3);

  /** A clinic visit (C07, CMA) whose payer accepts it and then waits for the test's 835. */
  private String heldClaim(String memberId, List<Map<String, Object>> charges) {
    Map<String, Object> e = new HashMap<>();
    e.put("sourceSystem", "it-ehr");
    e.put("sourceId", "ENC-" + UUID.randomUUID());
    e.put("facilityId", "C07");
    e.put("encounterClass", "AMBULATORY");
    e.put("serviceDate", SERVICE_DATE.toString());
    e.put("patient", Map.of("mrn", "MRN-" + UUID.randomUUID().toString().substring(0, 8), "familyName", "Testperson",
        "givenName", "Alex", "birthDate", "1961-05-14", "sex", "F", "state", "OH", "postalCode", "43004"));
    e.put("coverage", Map.of("payerId", "CMA", "memberId", memberId, "relationship", "SELF"));
    e.put("diagnoses", List.of("E11.9", "I10"));
    e.put("charges", charges);
    e.put("priorAuthorization", SandboxPayerClearinghouse.HOLD_REMITTANCE_TEST_VALUE);
    String claimId = given().auth().preemptive().basic("ehr", "it-ehr").contentType("application/json").body(e)
        .post("/api/encounters").then().statusCode(201).extract().path("claimId");
    awaitWaitingForRemittance(pcn(claimId));
    return claimId;
  }

  private String pcn(String claimId) {
    return jdbc.sql("select patient_control_number from claim where id = ?").param(UUID.fromString(claimId))
        .query(String.class).single();
  }

  private void awaitWaitingForRemittance(String pcn) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> given().auth().preemptive()
        .basic("admin", "it-admin").queryParam("businessKey", pcn).queryParam("activityIdIn", "AwaitRemittance")
        .get("/engine-rest/process-instance").jsonPath().getList("id").size() == 1);
  }

  private String awaitTask(String pcn, String taskKey, String user, String password) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> given().auth().preemptive()
        .basic(user, password).queryParam("processInstanceBusinessKey", pcn).queryParam("taskDefinitionKey", taskKey)
        .get("/engine-rest/task").jsonPath().getList("id").size() == 1);
    return given().auth().preemptive().basic(user, password).queryParam("processInstanceBusinessKey", pcn)
        .queryParam("taskDefinitionKey", taskKey).get("/engine-rest/task").jsonPath().getString("[0].id");
  }

  private List<Map<String, Object>> denialsOf(String pcn) {
    return jdbc.sql("select * from denial where patient_control_number = ? order by created_at").param(pcn).query()
        .listOfRows();
  }

  private static BigDecimal usd(String amount) {
    return new BigDecimal(amount);
  }

  private static Adjustment cas(String group, String reason, String amount) {
    return new Adjustment(group, reason, usd(amount), null);
  }

  private static ServicePayment svc(String code, String lineControl, String charge, String paid, List<String> remarks,
      Adjustment... adjustments) {
    return new ServicePayment("HC", code, List.of(), usd(charge), usd(paid), null, null, null, null, SERVICE_DATE,
        SERVICE_DATE, lineControl, Map.of(), remarks, List.of(adjustments), null);
  }

  private static ClaimPayment clp(String pcn, String status, String payerClaimNumber, String charge, String paid,
      String patientShare, String memberId, List<Adjustment> claimAdjustments, List<ServicePayment> lines) {
    return new ClaimPayment(pcn, status, usd(charge), usd(paid), patientShare == null ? null : usd(patientShare), "CI",
        payerClaimNumber, "11", "1", null, "TESTPERSON", "ALEX", "MI", memberId, "1972183925", SERVICE_DATE, SERVICE_DATE,
        null, List.of(), Map.of(), claimAdjustments, lines, null);
  }

  /** Posts an 835 from the payer CMA through the upload API and waits until it is posted. */
  private void post835(String trace, String total, List<ClaimPayment> claims) {
    RemittanceHeader header = new RemittanceHeader(null, "I", usd(total), "C", "ACH", LocalDate.now(), trace,
        "1999999999", LocalDate.now(),
        new RemittanceHeader.Party("COMMERCIAL HEALTH PLAN A", null, null, "1 PAYER WAY", "HARTFORD", "CT", "06101",
            Map.of("2U", "CMA")),
        new RemittanceHeader.Party("REGIONAL MEDICAL CENTER", "XX", "1234567893", null, null, null, null, Map.of()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RemittanceAdviceWriter.writeFile(out, InterchangeParties.of("CMA", "REVCYCLE", 'T'), controlNumbers, Clock.systemUTC(),
        List.of(new RemittanceAdvice(header, new ArrayList<>(claims), List.of())));
    given().auth().preemptive().basic("finance", "it-finance").contentType("application/edi-x12")
        .body(out.toByteArray()).post("/api/remittances").then().statusCode(202);
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> "POSTED".equals(
        jdbc.sql("select status from remittance_file where trace_number = ?").param(trace).query(String.class).optional()
            .orElse(null)));
  }

  @Test
  void aLineDeniedInAPaidClaimIsWorkedAsADenialOfThatLineAndItsReplacementsPaymentIsTheRecovery() {
    String memberId = "LMH555300111";
    String claimId = heldClaim(memberId, List.of(
        Map.of("procedureCode", "99214", "units", 1, "amount", "180.00"),
        Map.of("procedureCode", "80053", "units", 1, "amount", "80.00")));
    String pcn = pcn(claimId);
    String payerClaim = "CMA-" + pcn;

    // paid, except line 2: non-covered (CO-96, remark N130)
    ServicePayment office = svc("99214", pcn + "-1", "180.00", "100.00", List.of(), cas("CO", "45", "50.00"),
        cas("PR", "2", "30.00"));
    ServicePayment panel = svc("80053", pcn + "-2", "80.00", "0.00", List.of("N130"), cas("CO", "96", "80.00"));
    post835("LD" + System.nanoTime(), "100.00",
        List.of(clp(pcn, "1", payerClaim, "260.00", "100.00", "30.00", memberId, List.of(), List.of(office, panel))));

    String review = awaitTask(pcn, "ReviewDenial", "denials", "it-denials");
    List<Map<String, Object>> denials = denialsOf(pcn);
    assertThat(denials).hasSize(1);
    Map<String, Object> denial = denials.get(0);
    assertThat(denial).containsEntry("claim_lines", "2").containsEntry("group_code", "CO").containsEntry("reason_codes", "96")
        .containsEntry("root_cause", "NON_COVERED").containsEntry("classified_by", "TABLE").containsEntry("team", "denial-analysts");
    assertThat((String) denial.get("remark_codes")).contains("N130");
    assertThat((String) denial.get("service_lines")).contains("SVC 2 80053");
    assertThat((BigDecimal) denial.get("denied_amount")).isEqualByComparingTo("80.00");
    given().auth().preemptive().basic("denials", "it-denials").get("/engine-rest/task/" + review + "/variables/denialSummary")
        .then().statusCode(200).body("value", org.hamcrest.Matchers.containsString(
            "SVC 2 80053 6R " + pcn + "-2 (claim line 2), charge 80.00, paid 0.00, CO-96 80.00"));
    assertThat(jdbc.sql("select status from claim where id = ?").param(UUID.fromString(claimId)).query(String.class).single())
        .as("the rest of the claim was paid").isEqualTo("PAID");

    // corrected and resubmitted: the replacement (frequency 7) goes out and the payer accepts it
    given().auth().preemptive().basic("denials", "it-denials").contentType("application/json")
        .body("{\"variables\":{\"denialDecision\":{\"value\":\"RESUBMIT\"},\"denialNote\":{\"value\":\"notice of"
            + " non-coverage was signed\"}}}")
        .post("/engine-rest/task/" + review + "/complete").then().statusCode(204);
    assertThat(denialsOf(pcn).get(0)).containsEntry("outcome", "RESUBMITTED");
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> "ACCEPTED".equals(
        jdbc.sql("select status from claim where id = ?").param(UUID.fromString(claimId)).query(String.class).single()));
    awaitWaitingForRemittance(pcn);

    // the payer reverses the original and pays the replacement in full: 60.00 more than before
    ServicePayment officeBack = svc("99214", pcn + "-1", "-180.00", "-100.00", List.of(), cas("CO", "45", "-50.00"),
        cas("PR", "2", "-30.00"));
    ServicePayment panelBack = svc("80053", pcn + "-2", "-80.00", "0.00", List.of(), cas("CO", "96", "-80.00"));
    ServicePayment panelPaid = svc("80053", pcn + "-2", "80.00", "60.00", List.of(), cas("CO", "45", "10.00"),
        cas("PR", "2", "10.00"));
    post835("LR" + System.nanoTime(), "60.00", List.of(
        clp(pcn, "22", payerClaim, "-260.00", "-100.00", "-30.00", memberId, List.of(), List.of(officeBack, panelBack)),
        clp(pcn, "1", payerClaim, "260.00", "160.00", "40.00", memberId, List.of(), List.of(office, panelPaid))));

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
        denialsOf(pcn).get(0).get("recovered_at") != null);
    denial = denialsOf(pcn).get(0);
    assertThat(denialsOf(pcn)).as("paid: no second denial").hasSize(1);
    assertThat(denial).containsEntry("outcome", "RESUBMITTED");
    assertThat((BigDecimal) denial.get("recovered_amount")).isEqualByComparingTo("60.00");
    await().atMost(Duration.ofSeconds(60)).until(() -> "PATIENT_BILLED".equals(
        jdbc.sql("select status from claim where id = ?").param(UUID.fromString(claimId)).query(String.class).single()));

    JsonPath trends = given().auth().preemptive().basic("finance", "it-finance").queryParam("payerId", "CMA")
        .queryParam("rootCause", "NON_COVERED").get("/api/denials/trends").then().statusCode(200).extract().jsonPath();
    BigDecimal recovered = jdbc.sql("""
        select coalesce(sum(recovered_amount), 0) from denial
        where payer_id = 'CMA' and root_cause = 'NON_COVERED' and recovered_at is not null""").query(BigDecimal.class).single();
    assertThat(recovered).isGreaterThanOrEqualTo(usd("60.00"));
    assertThat(new BigDecimal(trends.getString("total.recoveredAmount"))).isEqualByComparingTo(recovered);
    LedgerInvariants.assertHold(jdbc);
  }

  @Test
  void writingOffADeniedLineMovesWhatThe835TookOffToDenialWriteOffs() {
    String memberId = "LMH555300444";
    String claimId = heldClaim(memberId, List.of(
        Map.of("procedureCode", "99214", "units", 1, "amount", "180.00"),
        Map.of("procedureCode", "80053", "units", 1, "amount", "80.00")));
    String pcn = pcn(claimId);
    ServicePayment office = svc("99214", pcn + "-1", "180.00", "100.00", List.of(), cas("CO", "45", "50.00"),
        cas("PR", "2", "30.00"));
    ServicePayment panel = svc("80053", pcn + "-2", "80.00", "0.00", List.of("N130"), cas("CO", "96", "80.00"));
    post835("LO" + System.nanoTime(), "100.00",
        List.of(clp(pcn, "1", "CMA-" + pcn, "260.00", "100.00", "30.00", memberId, List.of(), List.of(office, panel))));
    String review = awaitTask(pcn, "ReviewDenial", "denials", "it-denials");
    // the 835 put CO-96 where finance mapped it: contractual allowances
    assertThat(lineNet(claimId, 2, "4110")).isEqualByComparingTo("80.00");

    given().auth().preemptive().basic("denials", "it-denials").contentType("application/json")
        .body("{\"variables\":{\"denialDecision\":{\"value\":\"WRITE_OFF\"},\"denialNote\":{\"value\":\"not"
            + " covered, no notice signed\"}}}")
        .post("/engine-rest/task/" + review + "/complete").then().statusCode(204);
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
        "WRITTEN_OFF".equals(denialsOf(pcn).get(0).get("outcome")));

    assertThat(lineNet(claimId, 2, "4120")).as("given up as a denial").isEqualByComparingTo("80.00");
    assertThat(lineNet(claimId, 2, "4110")).isEqualByComparingTo("0.00");
    assertThat(lineNet(claimId, 1, "4110")).as("the paid line's contractual part stays").isEqualByComparingTo("50.00");
    await().atMost(Duration.ofSeconds(60)).until(() -> "PATIENT_BILLED".equals(
        jdbc.sql("select status from claim where id = ?").param(UUID.fromString(claimId)).query(String.class).single()));
    JsonPath claim = given().auth().preemptive().basic("billing", "it-billing").get("/api/claims/" + claimId)
        .then().statusCode(200).extract().jsonPath();
    assertThat(new BigDecimal(claim.getString("amounts.writeOffs"))).isEqualByComparingTo("80.00");
    assertThat(new BigDecimal(claim.getString("amounts.contractualAdjustments"))).isEqualByComparingTo("50.00");
    assertThat(new BigDecimal(claim.getString("amounts.patientResponsibility"))).isEqualByComparingTo("30.00");
    LedgerInvariants.assertHold(jdbc);
  }

  /** Debits less credits on an account (and its sub-accounts) for one line of a claim. */
  private BigDecimal lineNet(String claimId, int line, String controlAccount) {
    return jdbc.sql("""
            select coalesce(sum(l.debit) - sum(l.credit), 0) from journal_line l join journal_entry e on e.id = l.entry_id
            join ledger_account a on a.code = l.account_code
            where e.claim_id = ? and l.claim_line_number = ? and coalesce(a.parent_code, a.code) = ?""")
        .params(UUID.fromString(claimId), line, controlAccount).query(BigDecimal.class).single();
  }

  @Test
  void aWonAppealOnADeniedLineRecordsWhatThePayersReprocessingPaid() {
    String memberId = "LMH555300333";
    String claimId = heldClaim(memberId, List.of(
        Map.of("procedureCode", "99214", "units", 1, "amount", "180.00"),
        Map.of("procedureCode", "80053", "units", 1, "amount", "80.00")));
    String pcn = pcn(claimId);
    String payerClaim = "CMA-" + pcn;
    ServicePayment office = svc("99214", pcn + "-1", "180.00", "150.00", List.of(), cas("CO", "45", "30.00"));
    ServicePayment panel = svc("80053", pcn + "-2", "80.00", "0.00", List.of("N115"), cas("CO", "50", "80.00"));
    post835("LA" + System.nanoTime(), "150.00",
        List.of(clp(pcn, "1", payerClaim, "260.00", "150.00", null, memberId, List.of(), List.of(office, panel))));

    String review = awaitTask(pcn, "ReviewDenial", "denials", "it-denials");
    assertThat(denialsOf(pcn).get(0)).containsEntry("claim_lines", "2").containsEntry("root_cause", "MEDICAL_NECESSITY");
    given().auth().preemptive().basic("denials", "it-denials").contentType("application/json")
        .body("{\"variables\":{\"denialDecision\":{\"value\":\"APPEAL\"},\"denialNote\":{\"value\":\"records attached\"}}}")
        .post("/engine-rest/task/" + review + "/complete").then().statusCode(204);
    String appeal = awaitTask(pcn, "RecordAppealDecision", "denials", "it-denials");
    assertThat(given().auth().preemptive().basic("denials", "it-denials")
        .get("/api/denials/" + denialsOf(pcn).get(0).get("id") + "/appeal-letter").then().statusCode(200).extract().asString())
        .contains("CO-50");
    given().auth().preemptive().basic("denials", "it-denials").contentType("application/json")
        .body("{\"variables\":{\"appealOutcome\":{\"value\":\"WON\"},\"recoveredAmount\":{\"value\":\"80.00\"},"
            + "\"appealNote\":{\"value\":\"overturned\"}}}")
        .post("/engine-rest/task/" + appeal + "/complete").then().statusCode(204);
    // back with the payer: its reprocessed remittance goes to the claim's process
    assertThat(jdbc.sql("select status from claim where id = ?").param(UUID.fromString(claimId)).query(String.class).single())
        .isEqualTo("ACCEPTED");
    awaitWaitingForRemittance(pcn);

    // the payer reprocesses: reverses the first decision and pays the line, less than the analyst expected
    ServicePayment officeBack = svc("99214", pcn + "-1", "-180.00", "-150.00", List.of(), cas("CO", "45", "-30.00"));
    ServicePayment panelBack = svc("80053", pcn + "-2", "-80.00", "0.00", List.of(), cas("CO", "50", "-80.00"));
    ServicePayment panelPaid = svc("80053", pcn + "-2", "80.00", "55.00", List.of(), cas("CO", "45", "25.00"));
    post835("LW" + System.nanoTime(), "55.00", List.of(
        clp(pcn, "22", payerClaim, "-260.00", "-150.00", null, memberId, List.of(), List.of(officeBack, panelBack)),
        clp(pcn, "1", payerClaim, "260.00", "205.00", null, memberId, List.of(), List.of(office, panelPaid))));

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
        denialsOf(pcn).get(0).get("recovered_at") != null);
    Map<String, Object> denial = denialsOf(pcn).get(0);
    assertThat(denial).containsEntry("outcome", "APPEAL_WON");
    assertThat((BigDecimal) denial.get("recovered_amount")).as("what the payer paid, not what was expected")
        .isEqualByComparingTo("55.00");
    await().atMost(Duration.ofSeconds(60)).until(() -> "CLOSED".equals(
        jdbc.sql("select status from claim where id = ?").param(UUID.fromString(claimId)).query(String.class).single()));
    assertThat(denialsOf(pcn)).hasSize(1);
    LedgerInvariants.assertHold(jdbc);
  }

  @Test
  void an835DenyingAClaimAlreadyDeniedOnItsStatusJoinsThatDenial() {
    String memberId = "LMH555300222";
    String claimId = heldClaim(memberId, List.of(Map.of("procedureCode", "99214", "units", 1, "amount", "210.00")));
    String pcn = pcn(claimId);
    UUID claim = UUID.fromString(claimId);
    // the payer's claim status said denied (277 F2) before any 835: a denial with the status text only
    String report = "F2: Finalized/denial, payer claim CMA-" + pcn + "; no reason given";
    remittancePosting.deniedOnClaimStatus(claim, report);
    DenialManagement.Routing opened = denialManagement.openFromClaimStatus(claim, pcn, report);
    assertThat(denialsOf(pcn)).hasSize(1);

    post835("LF" + System.nanoTime(), "0.00", List.of(clp(pcn, "4", "CMA-" + pcn, "210.00", "0.00", null, memberId,
        List.of(cas("CO", "197", "210.00")), List.of())));

    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
        denialsOf(pcn).get(0).get("remittance_id") != null);
    List<Map<String, Object>> denials = denialsOf(pcn);
    assertThat(denials).as("worked once: the 835 joined the open denial").hasSize(1);
    Map<String, Object> denial = denials.get(0);
    assertThat(denial.get("id")).isEqualTo(opened.denialId());
    assertThat(denial).containsEntry("group_code", "CO").containsEntry("reason_codes", "197")
        .containsEntry("root_cause", "AUTHORIZATION").containsEntry("classified_by", "TABLE");
    assertThat((BigDecimal) denial.get("denied_amount")).isEqualByComparingTo("210.00");
    assertThat((String) denial.get("remark_text")).contains("F2");
    // the 835 is taken: the claim's process never sees it as a second denial
    assertThat(jdbc.sql("select correlated_at from remittance_claim where id = ?").param(denial.get("remittance_id"))
        .query(java.sql.Timestamp.class).single()).isNotNull();
    assertThat(jdbc.sql("select count(*) from claim_event where claim_id = ? and outcome = 'REMITTANCE_ATTACHED'")
        .param(claim).query(Integer.class).single()).isEqualTo(1);
    LedgerInvariants.assertHold(jdbc);
  }
}
