package org.revcycle.denial;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.revcycle.support.PostgresIntegrationTest;
import org.revcycle.support.TestEncounters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Denial management on PostgreSQL through the API: a payer's PDF letter attached to its denial
 * (and one that matches nothing triaged), the trends API and page, the appeal letter, and the
 * engine refusing a write-off approved by the person who asked for it.
 */
class DenialsIT extends PostgresIntegrationTest {

  @Autowired JdbcClient jdbc;

  /** A clinic visit the sandbox payer denies with the given CARC (SANDBOX-DENY-...). */
  private String deniedClaim(String carc, String memberId, String amount) {
    Map<String, Object> e = TestEncounters.deniedClinicVisit(carc, memberId, amount);
    String claimId = given().auth().preemptive().basic("ehr", "it-ehr").contentType("application/json").body(e)
        .post("/api/encounters").then().statusCode(201).extract().path("claimId");
    return given().auth().preemptive().basic("billing", "it-billing").get("/api/claims/" + claimId).jsonPath()
        .getString("claim.patientControlNumber");
  }

  private String awaitTask(String pcn, String taskKey, String user, String password) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> given().auth().preemptive()
        .basic(user, password).queryParam("processInstanceBusinessKey", pcn).queryParam("taskDefinitionKey", taskKey)
        .get("/engine-rest/task").jsonPath().getList("id").size() == 1);
    return given().auth().preemptive().basic(user, password).queryParam("processInstanceBusinessKey", pcn)
        .queryParam("taskDefinitionKey", taskKey).get("/engine-rest/task").jsonPath().getString("[0].id");
  }

  private Map<String, Object> denialOf(String pcn) {
    return jdbc.sql("select * from denial where patient_control_number = ? order by created_at desc")
        .param(pcn).query().listOfRows().get(0);
  }

  private void complete(String taskId, String user, String password, String variablesJson) {
    given().auth().preemptive().basic(user, password).contentType("application/json")
        .body("{\"variables\":" + variablesJson + "}").post("/engine-rest/task/" + taskId + "/complete")
        .then().statusCode(204);
  }

  static byte[] pdf(String... lines) throws IOException {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        content.setLeading(14);
        content.newLineAtOffset(60, 720);
        for (String line : lines) {
          content.showText(line);
          content.newLine();
        }
        content.endText();
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  @Autowired DenialManagement denialManagement;
  @Autowired org.revcycle.remittance.RemittancePosting remittancePosting;

  @Test
  void aDenialOnlyThePayersClaimStatusReportedIsRecordedWithoutARemittanceAndClassifiedFromItsText() {
    String pcn = deniedClaim("16", "LMH555100777", "275.00");
    // the claim's own lifecycle settles first (its 835 denial is worked as usual); then the payer's status speaks
    awaitTask(pcn, "ReviewDenial", "billing", "it-billing");
    UUID claimId = jdbc.sql("select id from claim where patient_control_number = ?").param(pcn).query(UUID.class).single();
    String report = "F2: Finalized/denial, payer claim X1; the payer requires prior authorization for this service";

    var outcome = remittancePosting.deniedOnClaimStatus(claimId, report);
    assertThat(outcome.denied()).isTrue();
    assertThat(outcome.denialSummary()).contains("277", "F2");
    var routing = denialManagement.openFromClaimStatus(claimId, pcn, report);

    Map<String, Object> row = jdbc.sql("select * from denial where id = ?").param(routing.denialId()).query().singleRow();
    assertThat(row.get("remittance_id")).isNull();
    assertThat(row).containsEntry("classified_by", "MODEL").containsEntry("claim_id", claimId);
    assertThat((String) row.get("remark_text")).contains("prior authorization");
    assertThat(routing.finding().rootCause()).isNotNull();
    assertThat(jdbc.sql("select count(*) from denial_prediction where denial_id = ? and model = 'root-cause'")
        .param(routing.denialId()).query(Integer.class).single()).as("the prediction is logged").isEqualTo(1);
    assertThat(jdbc.sql("select status from claim where id = ?").param(claimId).query(String.class).single()).isEqualTo("DENIED");
    assertThat(jdbc.sql("select detail from claim_event where claim_id = ? and outcome = 'DENIAL_ON_CLAIM_STATUS'")
        .param(claimId).query(String.class).single()).contains("F2");
  }

  @Test
  void aPayersPdfLetterIsReadAndAttachedToItsDenial() throws IOException {
    String pcn = deniedClaim("50", "LMH555100111", "249.50");
    awaitTask(pcn, "ReviewDenial", "denials", "it-denials");
    byte[] letter = pdf("Commercial Health Plan A - Notice of adverse determination",
        "Patient account: " + pcn, "Claim number: CMA-UNKNOWN-1",
        "Reason code CO-50. Reason: services not medically necessary as documented",
        "Appeal deadline: 2027-03-31", "Send your appeal with the clinical records.");

    JsonPath filed = given().auth().preemptive().basic("denials", "it-denials").contentType("application/pdf")
        .queryParam("fileName", "adverse-determination.pdf").body(letter).post("/api/denials/correspondence")
        .then().statusCode(201).extract().jsonPath();
    assertThat(filed.getBoolean("matched")).isTrue();
    assertThat(filed.getString("patientControlNumber")).isEqualTo(pcn);
    assertThat(filed.getString("fields.patientAccount")).isEqualTo(pcn);
    assertThat(filed.getList("fields.reasonCodes")).containsExactly("CO-50");
    assertThat(filed.getString("fields.reason")).contains("not medically necessary");
    assertThat(filed.getString("fields.deadline")).isEqualTo("2027-03-31");

    Map<String, Object> denial = denialOf(pcn);
    assertThat(denial.get("id").toString()).isEqualTo(filed.getString("denialId"));
    assertThat(denial.get("appeal_deadline").toString()).as("the payer's own deadline counts").isEqualTo("2027-03-31");
    JsonPath view = given().auth().preemptive().basic("denials", "it-denials").get("/api/denials/" + denial.get("id"))
        .then().statusCode(200).extract().jsonPath();
    assertThat(view.getList("letters.fileName")).containsExactly("adverse-determination.pdf");
    assertThat(view.getString("denial.rootCause")).isEqualTo("MEDICAL_NECESSITY");
    assertThat(view.getList("predictions.model")).contains("recovery");
  }

  @Test
  void thePayersWordsInALetterReclassifyADenialTheModelPlacedFromItsCodesAlone() {
    // CO-16 with no remark code: the classifier calls it missing information, for the billing specialists
    String pcn = deniedClaim("16", "LMH555100666", "410.00");
    String review = awaitTask(pcn, "ReviewDenial", "billing", "it-billing");
    assertThat(denialOf(pcn)).containsEntry("root_cause", "MISSING_INFORMATION").containsEntry("classified_by", "MODEL");

    String letter = "Patient account: " + pcn + "\nReason: diagnosis does not support the procedure billed; "
        + "service bundled into the primary procedure\n";
    given().auth().preemptive().basic("denials", "it-denials").contentType("text/plain").body(letter)
        .post("/api/denials/correspondence").then().statusCode(201).body("matched", equalTo(true));

    assertThat(denialOf(pcn)).containsEntry("root_cause", "CODING").containsEntry("team", "coders");
    // the same task, now in the coders' queue and showing the new root cause
    given().auth().preemptive().basic("coder", "it-coder").get("/engine-rest/task/" + review).then().statusCode(200);
    given().auth().preemptive().basic("coder", "it-coder").get("/engine-rest/task/" + review + "/variables/rootCauseLabel")
        .then().body("value", equalTo("Coding"));
    given().auth().preemptive().basic("billing", "it-billing").get("/engine-rest/task/" + review).then().statusCode(404);
    assertThat(jdbc.sql("select count(*) from denial_prediction where denial_id = ? and model = 'root-cause'")
        .param(denialOf(pcn).get("id")).query(Integer.class).single()).as("both predictions logged").isEqualTo(2);
  }

  @Test
  void aLetterThatMatchesNothingIsTriagedAndFiledToTheClaimTheAnalystNames() {
    String pcn = deniedClaim("96", "LMH555100222", "185.00");
    awaitTask(pcn, "ReviewDenial", "denials", "it-denials");
    String text = "Claim number: NOPE-12345\nPatient account: ZZ-NOT-OURS\nReason: non covered charge\n"
        + "Respond by: 04/15/2027\n";
    JsonPath filed = given().auth().preemptive().basic("denials", "it-denials").contentType("text/plain").body(text)
        .post("/api/denials/correspondence").then().statusCode(201).extract().jsonPath();
    assertThat(filed.getBoolean("matched")).isFalse();
    assertThat(filed.getBoolean("triage")).isTrue();
    assertThat(filed.getString("fields.deadline")).isEqualTo("2027-04-15");
    String letterId = filed.getString("letterId");

    String task = awaitTask(letterId, "TriagePayerLetter", "denials", "it-denials");
    given().auth().preemptive().basic("denials", "it-denials").get("/engine-rest/task/" + task + "/variables/letterSummary")
        .then().statusCode(200).body("value", containsString("ZZ-NOT-OURS"));
    // a number that is no denial's is refused as bad input (400, naming it), and the task stays open with nothing filed
    given().auth().preemptive().basic("denials", "it-denials").contentType("application/json")
        .body("{\"variables\":{\"attachToPatientControlNumber\":{\"value\":\"NO-SUCH-PCN\"},\"letterNote\":{\"value\":\"try\"}}}")
        .post("/engine-rest/task/" + task + "/complete").then().statusCode(400)
        .body("message", containsString("No denial for patient control number NO-SUCH-PCN"));
    given().auth().preemptive().basic("denials", "it-denials").get("/engine-rest/task/" + task).then().statusCode(200);
    given().auth().preemptive().basic("denials", "it-denials").get("/engine-rest/task/" + task + "/variables/letterTriagedBy")
        .then().statusCode(404);
    assertThat(jdbc.sql("select matched from payer_correspondence where id = ?").param(UUID.fromString(letterId))
        .query(Boolean.class).single()).as("nothing filed").isFalse();
    complete(task, "denials", "it-denials",
        "{\"attachToPatientControlNumber\":{\"value\":\"" + pcn + "\"},\"letterNote\":{\"value\":\"found by dates\"}}");

    Map<String, Object> letter = jdbc.sql("select denial_id, matched from payer_correspondence where id = ?")
        .param(UUID.fromString(letterId)).query().singleRow();
    assertThat(letter.get("matched")).isEqualTo(true);
    assertThat(letter.get("denial_id")).isEqualTo(denialOf(pcn).get("id"));
  }

  @Test
  void anUnreadablePdfIsRefusedAndKeptAsReceived() {
    given().auth().preemptive().basic("denials", "it-denials").contentType("application/pdf")
        .queryParam("fileName", "broken-letter.pdf").body("%PDF-1.7 this is not really a pdf".getBytes())
        .post("/api/denials/correspondence").then().statusCode(400).body("detail", containsString("not a readable PDF"));
    assertThat(jdbc.sql("select status from inbound_message where channel = 'payer-letter' and source_key = 'broken-letter.pdf'")
        .query(String.class).list()).containsExactly("REJECTED");
    given().auth().preemptive().basic("coder", "it-coder").contentType("text/plain").body("Claim number: X")
        .post("/api/denials/correspondence").then().statusCode(403);
  }

  @Test
  void trendsCountAndSumDenialsByRootCausePayerFacilityAndWeek() {
    String pcn = deniedClaim("197", "LMH555100333", "320.00");
    awaitTask(pcn, "ReviewDenial", "billing", "it-billing");
    Map<String, Object> denial = denialOf(pcn);
    assertThat(denial.get("root_cause")).isEqualTo("AUTHORIZATION");

    JsonPath all = given().auth().preemptive().basic("finance", "it-finance").get("/api/denials/trends")
        .then().statusCode(200).extract().jsonPath();
    long total = jdbc.sql("select count(*) from denial").query(Long.class).single();
    assertThat(all.getLong("total.count")).isEqualTo(total);
    assertThat(all.getList("byRootCause.key")).contains("AUTHORIZATION");
    assertThat(all.getList("byPayer.key")).contains("CMA");
    assertThat(all.getList("byFacility.key")).contains("C07");
    assertThat(all.getList("byWeek.key")).isNotEmpty();

    JsonPath auth = given().auth().preemptive().basic("denials", "it-denials").queryParam("rootCause", "AUTHORIZATION")
        .queryParam("payerId", "CMA").get("/api/denials/trends").then().statusCode(200).extract().jsonPath();
    BigDecimal expected = jdbc.sql("select sum(denied_amount) from denial where root_cause = 'AUTHORIZATION' and payer_id = 'CMA'")
        .query(BigDecimal.class).single();
    assertThat(new BigDecimal(auth.getString("total.deniedAmount"))).isEqualByComparingTo(expected);
    assertThat(auth.getList("byRootCause.key")).containsExactly("AUTHORIZATION");

    given().auth().preemptive().basic("denials", "it-denials").queryParam("rootCause", "BAD_LUCK")
        .get("/api/denials/trends").then().statusCode(400).body("detail", containsString("unknown root cause"));
    given().auth().preemptive().basic("coder", "it-coder").get("/api/denials/trends").then().statusCode(403);
    given().get("/api/denials/trends").then().statusCode(401);
    // the page for leaders: behind the same login
    given().get("/denials/trends.html").then().statusCode(401);
    given().auth().preemptive().basic("finance", "it-finance").get("/denials/trends.html").then().statusCode(200)
        .body(containsString("Denial trends"));
    given().auth().preemptive().basic("finance", "it-finance").get("/denials/trends.js").then().statusCode(200)
        .body(containsString("/api/denials/trends"));
  }

  @Test
  void nobodyApprovesTheirOwnWriteOff() {
    String pcn = deniedClaim("96", "LMH555100444", "4200.00");
    String review = awaitTask(pcn, "ReviewDenial", "admin", "it-admin");
    complete(review, "admin", "it-admin",
        "{\"denialDecision\":{\"value\":\"WRITE_OFF\"},\"denialNote\":{\"value\":\"benefit excluded\"}}");
    String approval = awaitTask(pcn, "ApproveWriteOff", "admin", "it-admin");

    given().auth().preemptive().basic("admin", "it-admin").contentType("application/json")
        .body("{\"variables\":{\"writeOffApproval\":{\"value\":\"APPROVE\"},\"approvalNote\":{\"value\":\"mine\"}}}")
        .post("/engine-rest/task/" + approval + "/complete").then().statusCode(403)
        .body("type", equalTo("AuthorizationException"))
        .body("message", containsString("admin requested this write-off and may not approve it"));
    given().auth().preemptive().basic("finance", "it-finance").get("/engine-rest/task/" + approval)
        .then().statusCode(200).body("name", equalTo("Approve write-off"));
    assertThat(denialOf(pcn).get("outcome")).as("nothing written off").isNull();

    complete(approval, "finance", "it-finance",
        "{\"writeOffApproval\":{\"value\":\"APPROVE\"},\"approvalNote\":{\"value\":\"checked the benefit\"}}");
    await().atMost(Duration.ofSeconds(30)).until(() -> "WRITTEN_OFF".equals(denialOf(pcn).get("outcome")));
    assertThat(denialOf(pcn).get("resolved_by")).isEqualTo("admin");
  }

  @Test
  void anAppealLetterIsWrittenAndAWonAppealRecordsTheRecovery() {
    String pcn = deniedClaim("50", "LMH555100555", "249.50");
    String review = awaitTask(pcn, "ReviewDenial", "denials", "it-denials");
    complete(review, "denials", "it-denials",
        "{\"denialDecision\":{\"value\":\"APPEAL\"},\"denialNote\":{\"value\":\"clinical appeal\"}}");
    String appeal = awaitTask(pcn, "RecordAppealDecision", "denials", "it-denials");
    String denialId = denialOf(pcn).get("id").toString();

    String letter = given().auth().preemptive().basic("denials", "it-denials").get("/api/denials/" + denialId + "/appeal-letter")
        .then().statusCode(200).header("Content-Disposition", containsString("attachment"))
        .extract().asString();
    assertThat(letter).contains("REQUEST FOR RECONSIDERATION", pcn, "CO-50", "Medical necessity", "99214");
    given().auth().preemptive().basic("denials", "it-denials").get("/engine-rest/task/" + appeal + "/variables/appealLetterLink")
        .then().body("value", equalTo("/api/denials/" + denialId + "/appeal-letter"));

    complete(appeal, "denials", "it-denials", "{\"appealOutcome\":{\"value\":\"WON\"},\"recoveredAmount\":{\"value\":\"249.50\"},"
        + "\"appealNote\":{\"value\":\"overturned on review\"}}");
    Map<String, Object> denial = denialOf(pcn);
    assertThat(denial.get("outcome")).isEqualTo("APPEAL_WON");
    assertThat((BigDecimal) denial.get("recovered_amount")).isEqualByComparingTo("249.50");
    // the claim waits for the payer's reprocessed remittance again
    await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().preemptive().basic("admin", "it-admin")
        .queryParam("businessKey", pcn).queryParam("activityIdIn", "AwaitRemittance")
        .get("/engine-rest/process-instance").jsonPath().getList("id").size() == 1);
  }

  @Test
  void voidingAClaimWithAnOpenDenialClosesTheDenialAsVoided() {
    String pcn = deniedClaim("16", "LMH555100888", "310.00");
    awaitTask(pcn, "ReviewDenial", "billing", "it-billing");
    assertThat(denialOf(pcn).get("outcome")).isNull();
    String claimId = jdbc.sql("select id from claim where patient_control_number = ?").param(pcn).query(UUID.class).single()
        .toString();

    given().auth().preemptive().basic("admin", "it-admin").contentType("application/json")
        .body("{\"reason\": \"services not rendered\"}").post("/api/claims/" + claimId + "/void").then().statusCode(202);

    Map<String, Object> denial = denialOf(pcn);
    assertThat(denial).containsEntry("outcome", "VOIDED").containsEntry("resolved_by", "admin");
    assertThat((BigDecimal) denial.get("recovered_amount")).isEqualByComparingTo("0.00");
    assertThat(given().auth().preemptive().basic("billing", "it-billing").queryParam("processInstanceBusinessKey", pcn)
        .queryParam("taskDefinitionKey", "ReviewDenial").get("/engine-rest/task").jsonPath().getList("id"))
        .as("out of the queue").isEmpty();
    JsonPath trends = given().auth().preemptive().basic("finance", "it-finance").get("/api/denials/trends").then()
        .statusCode(200).extract().jsonPath();
    assertThat(trends.getLong("total.open")).as("not counted as open")
        .isEqualTo(jdbc.sql("select count(*) from denial where outcome is null or outcome = 'APPEAL_LOST'").query(Long.class).single());
  }
}
