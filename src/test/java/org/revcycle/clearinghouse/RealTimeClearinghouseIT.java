package org.revcycle.clearinghouse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revcycle.claim.ClaimRepository;
import org.revcycle.claim.ClaimStatusInquiry;
import org.revcycle.claim.ClaimSubmission;
import org.revcycle.eligibility.PayerEligibility;
import org.revcycle.sandbox.SandboxOutage;
import org.revcycle.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real-time eligibility and claim status over real HTTP on localhost: revcycle's CORE client
 * against the sandbox clearinghouse's endpoint in the same application (on the test's random
 * port), with real 270/271 and 276/277 documents both ways.
 */
class RealTimeClearinghouseIT extends PostgresIntegrationTest {

  private static final String CORE = CoreRealTimeProperties.SANDBOX_PATH;

  @Autowired JdbcClient jdbc;
  @Autowired ClaimRepository claims;
  @Autowired ClaimStatusInquiry statusInquiry;
  @Autowired PayerEligibility eligibility;
  @Autowired SandboxOutage outage;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;

  @AfterEach
  void endOutage() {
    outage.end();
  }

  @Test
  void thePortsAreTheCoreClientNotTheSandboxClasses() {
    assertThat(statusInquiry).isInstanceOf(CoreRealTimeClearinghouse.class);
    assertThat(eligibility).isSameAs(statusInquiry);
  }

  @Test
  void a270GoesOverHttpAndThe271ComesBackAndIsStoredWithTheClaim_thenA276FindsThePaidClaim() {
    String claimId = given().auth().preemptive().basic("ehr", "it-ehr").contentType("application/json")
        .body(visit("CMA", "LMH555123456")).post("/api/encounters").then().statusCode(201).extract().path("claimId");
    UUID id = UUID.fromString(claimId);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> List.of("CLOSED",
        "PATIENT_BILLED").contains(jdbc.sql("select status from claim where id = ?").param(id).query(String.class).single()));

    Map<String, Object> check = jdbc.sql("select outcome, request_270, response_271 from eligibility_check where claim_id = ?")
        .param(id).query().singleRow();
    assertThat(check.get("outcome")).isEqualTo("ACTIVE");
    assertThat((String) check.get("request_270")).contains("ST*270*").contains("NM1*PR*2*");
    assertThat((String) check.get("response_271")).contains("ST*271*").contains("EB*1*");

    ClaimSubmission submission = claims.submission(id);
    ClaimStatusInquiry.StatusReport report = statusInquiry.status(submission);

    String payerClaimNumber = jdbc.sql("select payer_claim_number from claim where id = ?").param(id)
        .query(String.class).single();
    assertThat(report.category()).isEqualTo("F1");
    assertThat(report.finalized()).isTrue();
    assertThat(report.description()).contains("Finalized/Payment").contains("status 65")
        .contains("payer claim " + payerClaimNumber).contains("paid ");
    Map<String, Object> stored = jdbc.sql("""
        select payer_id, category, request_276, response_277, error_code from claim_status_check where claim_id = ?""")
        .param(id).query().singleRow();
    assertThat(stored.get("payer_id")).isEqualTo("CMA");
    assertThat(stored.get("category")).isEqualTo("F1");
    assertThat(stored.get("error_code")).isEqualTo(CoreEnvelope.SUCCESS);
    assertThat((String) stored.get("request_276")).contains("ST*276*").contains("REF*EJ*" + submission.patientControlNumber());
    assertThat((String) stored.get("response_277")).contains("ST*277*").contains("STC*F1:65")
        .contains("REF*1K*" + payerClaimNumber);
  }

  @Test
  void aClaimThePayerNeverSawIsNotFound() {
    String claimId = given().auth().preemptive().basic("ehr", "it-ehr").contentType("application/json")
        .body(visit("CMB", "TG7654321-01")).post("/api/encounters").then().statusCode(201).extract().path("claimId");
    UUID id = UUID.fromString(claimId);
    ClaimSubmission submission = claims.submission(id);
    ClaimSubmission neverSent = new ClaimSubmission("NEVER-" + submission.patientControlNumber().substring(0, 10),
        submission.claimType(), "1", null, submission.payerId(), submission.memberId(),
        submission.subscriberRelationship(), submission.coverageStart(), submission.coverageEnd(), submission.facilityId(),
        submission.billingNpi(), submission.renderingNpi(), submission.patientBirthDate(), submission.patientSex(),
        submission.serviceDate(), submission.dischargeDate(), null, submission.diagnoses(), submission.lines());
    jdbc.sql("update claim set patient_control_number = ? where id = ?")
        .params(neverSent.patientControlNumber(), id).update();
    try {
      ClaimStatusInquiry.StatusReport report = statusInquiry.status(neverSent);
      assertThat(report.category()).isEqualTo("A4");
      assertThat(report.finalized()).isFalse();
    } finally {
      jdbc.sql("update claim set patient_control_number = ? where id = ?")
          .params(submission.patientControlNumber(), id).update();
    }
  }

  @Test
  void anOutageAnswers503AndTheClientSaysTheClearinghouseIsUnavailable_thenItWorksAgain() {
    byte[] inquiry = SandboxDocuments.eligibilityInquiry("CMA", "LMH123456789");
    outage.start();
    given().multiPart("PayloadID", "x").post(CORE).then().statusCode(503);
    assertThatThrownBy(() -> eligibility.inquire("CMA", inquiry))
        .isInstanceOf(ClearinghouseUnavailableException.class)
        .hasMessageContaining("HTTP 503").hasMessageEndingWith("(after 3 attempts)");

    outage.end();
    assertThat(new String(eligibility.inquire("CMA", inquiry), StandardCharsets.UTF_8)).contains("ST*271*");
  }

  @Test
  void withTheClearinghouseDownTheRegistrationCheckFailsAndWaitsForItsRetry_thenTheClaimGoesOn() {
    outage.start();
    String claimId = given().auth().preemptive().basic("ehr", "it-ehr").contentType("application/json")
        .body(visit("CMB", "TG7654388-01")).post("/api/encounters").then().statusCode(201).extract().path("claimId");
    UUID id = UUID.fromString(claimId);
    String pcn = jdbc.sql("select patient_control_number from claim where id = ?").param(id).query(String.class).single();

    // the asynchronous step failed on the 503, kept its place, and waits for its next retry (PT20S,PT1M,PT1M,PT1M)
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> failedJob(pcn) != null);
    Job failed = failedJob(pcn);
    assertThat(failed.getExceptionMessage()).contains("HTTP 503");
    assertThat(failed.getRetries()).isEqualTo(4);
    assertThat(jdbc.sql("select count(*) from eligibility_check where claim_id = ?").param(id).query(Integer.class)
        .single()).isZero();

    outage.end();
    management.executeJob(failed.getId());  // the retry, without waiting a minute for it
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> List.of("CLOSED",
        "PATIENT_BILLED").contains(jdbc.sql("select status from claim where id = ?").param(id).query(String.class).single()));
    assertThat(jdbc.sql("select outcome from eligibility_check where claim_id = ?").param(id).query(String.class)
        .single()).isEqualTo("ACTIVE");
  }

  private Job failedJob(String businessKey) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKey("registration-check").list().stream()
        .flatMap(p -> management.createJobQuery().processInstanceId(p.getId()).withException().list().stream())
        .findFirst().orElse(null);
  }

  @Test
  void aMalformedEnvelopeGetsACoreErrorEnvelopeNamingWhatIsWrong() {
    Response noType = envelope(Map.of("ProcessingMode", "RealTime", "PayloadVersion", "005010",
        "PayloadID", UUID.randomUUID().toString(), "TimeStamp", "2026-11-27T10:00:00Z", "SenderID", "REVCYCLE",
        "ReceiverID", "CMA", "CORERuleVersion", "2.2.0", "Payload", "ISA*..."));
    noType.then().statusCode(400);
    CoreEnvelope answer = CoreEnvelope.parse(noType.contentType(), noType.asByteArray());
    assertThat(answer.errorCode()).isEqualTo("PayloadTypeRequired");
    assertThat(answer.errorMessage()).contains("PayloadType");
    assertThat(answer.payload()).isNull();

    Response batch = envelope(Map.of("ProcessingMode", "Batch", "PayloadType", CoreEnvelope.X12_270,
        "PayloadVersion", "005010", "PayloadID", UUID.randomUUID().toString(), "TimeStamp", "2026-11-27T10:00:00Z",
        "SenderID", "REVCYCLE", "ReceiverID", "CMA", "CORERuleVersion", "2.2.0", "Payload", "ISA*..."));
    assertThat(CoreEnvelope.parse(batch.contentType(), batch.asByteArray()).errorCode())
        .isEqualTo("ProcessingModeNotSupported");

    String payloadId = UUID.randomUUID().toString();
    Response notX12 = envelope(Map.of("ProcessingMode", "RealTime", "PayloadType", CoreEnvelope.X12_270,
        "PayloadVersion", "005010", "PayloadID", payloadId, "TimeStamp", "2026-11-27T10:00:00Z",
        "SenderID", "REVCYCLE", "ReceiverID", "CMA", "CORERuleVersion", "2.2.0", "Payload", "this is not X12"));
    notX12.then().statusCode(400);
    CoreEnvelope refused = CoreEnvelope.parse(notX12.contentType(), notX12.asByteArray());
    assertThat(refused.errorCode()).isEqualTo("PayloadInvalid");
    assertThat(refused.errorMessage()).contains("X12_270_Request_005010X279A1").contains("not valid X12");
    assertThat(refused.payloadId()).isEqualTo(payloadId);

    given().auth().preemptive().basic("revcycle", "sandbox-submitter").contentType("application/json").body("{}")
        .post(CORE).then().statusCode(400);
  }

  @Test
  void aWrongSubmitterPasswordIsRefusedWithAnEnvelope() {
    Response r = given().auth().preemptive().basic("revcycle", "wrong").multiPart("PayloadID", "x").post(CORE);
    r.then().statusCode(401);
    assertThat(CoreEnvelope.parse(r.contentType(), r.asByteArray()).errorCode()).isEqualTo("UnAuthorized");
  }

  private static Response envelope(Map<String, String> fields) {
    var request = given().auth().preemptive().basic("revcycle", "sandbox-submitter");
    fields.forEach((name, value) -> request.multiPart(name, value));
    return request.post(CORE);
  }

  private static Map<String, Object> visit(String payerId, String memberId) {
    Map<String, Object> e = new HashMap<>();
    e.put("sourceSystem", "it-ehr");
    e.put("sourceId", "ENC-" + UUID.randomUUID());
    e.put("facilityId", "C07");
    e.put("encounterClass", "AMBULATORY");
    e.put("serviceDate", LocalDate.now().minusDays(3).toString());
    e.put("patient", Map.of("mrn", "MRN-" + UUID.randomUUID().toString().substring(0, 8), "familyName", "Testperson",
        "givenName", "Alex", "birthDate", "1961-05-14", "sex", "F", "state", "OH", "postalCode", "43004"));
    e.put("coverage", Map.of("payerId", payerId, "memberId", memberId, "relationship", "SELF"));
    e.put("diagnoses", List.of("E11.9", "I10"));
    e.put("charges", List.of(
        Map.of("procedureCode", "99214", "units", 1, "amount", "185.00"),
        Map.of("procedureCode", "80053", "units", 1, "amount", "64.50")));
    return e;
  }
}
