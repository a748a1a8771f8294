package org.revcycle.claim;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revcycle.sandbox.SandboxPayerClearinghouse;
import org.revcycle.sandbox.SandboxSftpServer;
import org.revcycle.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Claims to the clearinghouse and back over real SFTP on localhost: the sandbox's embedded MINA
 * SSHD server, revcycle's SFTP client, 837 batches out, 999/277CA/835 files in. Scenarios that need
 * a file changed in transit pause the sandbox payers, change the uploaded 837, and let them answer.
 */
class ClearinghouseSftpIT extends PostgresIntegrationTest {

  private static final List<String> SETTLED = List.of("CLOSED", "PATIENT_BILLED", "WRITTEN_OFF");

  @Autowired JdbcClient jdbc;
  @Autowired SandboxSftpServer server;
  @Autowired SandboxPayerClearinghouse payers;
  @Autowired ClearinghouseInbox inbox;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;

  @AfterEach
  void clearinghouseBackToNormal() {
    server.start();
    payers.setAnswering(true);
  }

  private static Map<String, Object> visit(String memberId) {
    Map<String, Object> e = new HashMap<>();
    e.put("sourceSystem", "it-ehr");
    e.put("sourceId", "ENC-" + UUID.randomUUID());
    e.put("facilityId", "C07");
    e.put("encounterClass", "AMBULATORY");
    e.put("serviceDate", LocalDate.now().minusDays(3).toString());
    e.put("patient", Map.of("mrn", "MRN-" + UUID.randomUUID().toString().substring(0, 8), "familyName", "Testperson",
        "givenName", "Alex", "birthDate", "1961-05-14", "sex", "F", "state", "OH", "postalCode", "43004"));
    e.put("coverage", Map.of("payerId", "CMA", "memberId", memberId, "relationship", "SELF"));
    e.put("diagnoses", List.of("E11.9", "I10"));
    e.put("charges", List.of(
        Map.of("procedureCode", "99214", "units", 1, "amount", "185.00"),
        Map.of("procedureCode", "80053", "units", 1, "amount", "64.50")));
    return e;
  }

  private String post(Map<String, Object> encounter) {
    return given().auth().preemptive().basic("ehr", "it-ehr").contentType("application/json").body(encounter)
        .post("/api/encounters").then().statusCode(201).extract().path("claimId");
  }

  private JsonPath claim(String id) {
    return given().auth().preemptive().basic("billing", "it-billing").get("/api/claims/" + id)
        .then().statusCode(200).extract().jsonPath();
  }

  private String awaitStatus(String claimId, List<String> statuses) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> statuses.contains(claim(claimId).getString("claim.status")));
    return claim(claimId).getString("claim.status");
  }

  private String pcn(String claimId) {
    return claim(claimId).getString("claim.patientControlNumber");
  }

  /** The file name of the claim's latest batch once it is uploaded. */
  private String awaitUploadedBatch(String claimId) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.sql("""
        select count(*) from claim_batch_item i join claim_batch b on b.id = i.batch_id
        where i.claim_id = ? and b.status = 'UPLOADED' and i.functional_status is null""")
        .param(UUID.fromString(claimId)).query(Integer.class).single() == 1);
    return jdbc.sql("""
        select b.file_name from claim_batch_item i join claim_batch b on b.id = i.batch_id
        where i.claim_id = ? and i.functional_status is null""")
        .param(UUID.fromString(claimId)).query(String.class).single();
  }

  private List<String> batchFiles(String claimId) {
    return jdbc.sql("""
        select b.file_name from claim_batch_item i join claim_batch b on b.id = i.batch_id
        where i.claim_id = ? order by i.queued_at""").param(UUID.fromString(claimId)).query(String.class).list();
  }

  private String awaitTask(String pcn) {
    await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().preemptive().basic("billing", "it-billing")
        .queryParam("processInstanceBusinessKey", pcn).get("/engine-rest/task").jsonPath().getList("id").size() == 1);
    JsonPath task = given().auth().preemptive().basic("billing", "it-billing")
        .queryParam("processInstanceBusinessKey", pcn).get("/engine-rest/task").jsonPath();
    assertThat(task.getString("[0].name")).isEqualTo("Correct rejected claim");
    return task.getString("[0].id");
  }

  private String variable(String taskId, String name) {
    return given().auth().preemptive().basic("billing", "it-billing").get("/engine-rest/task/" + taskId + "/variables/" + name)
        .then().statusCode(200).extract().path("value");
  }

  private void complete(String taskId, String note) {
    given().auth().preemptive().basic("billing", "it-billing").contentType("application/json")
        .body("{\"variables\":{\"resolutionNote\":{\"value\":\"" + note + "\"}}}")
        .post("/engine-rest/task/" + taskId + "/complete").then().statusCode(204);
  }

  /** Changes a file in the outbound folder as a faulty transfer would, whole-file (temporary name, then rename). */
  private void changeInTransit(String fileName, String regex, String replacement) throws IOException {
    Path file = server.root().resolve("outbound").resolve(fileName);
    String content = Files.readString(file, StandardCharsets.US_ASCII);
    String changed = content.replaceFirst(regex, replacement);
    assertThat(changed).isNotEqualTo(content);
    Path partial = file.resolveSibling(fileName + ".part");
    Files.writeString(partial, changed, StandardCharsets.US_ASCII);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
  }

  private List<String> events(String claimId) {
    return claim(claimId).getList("stages.outcome");
  }

  @Test
  void aCleanClaimGoesOutInABatchAndComesBackAs999And277caAnd835() throws IOException {
    String claimId = post(visit("LMH700000001"));
    assertThat(awaitStatus(claimId, SETTLED)).isIn("CLOSED", "PATIENT_BILLED");
    String pcn = pcn(claimId);

    // the 837 as the clearinghouse received it: one set for this claim, in the payer's batch
    String fileName = batchFiles(claimId).get(0);
    assertThat(fileName).startsWith("837P-CMA-").endsWith(".x12");
    String sent = Files.readString(server.root().resolve("received").resolve(fileName), StandardCharsets.US_ASCII);
    assertThat(sent).startsWith("ISA*").contains("ST*837*", "CLM*" + pcn + "*249.5*", "NM1*PR*2*", "*PI*CMA~");
    assertThat(jdbc.sql("select content from claim_batch where file_name = ?").param(fileName).query(String.class).single())
        .isEqualTo(sent);
    assertThat(Files.exists(server.root().resolve("outbound").resolve(fileName))).isFalse();

    // the 999 and the 277CA were recorded before they were acted on, and moved to the archive
    Map<String, Object> item = jdbc.sql("""
        select functional_status, claim_status_category, payer_claim_number from claim_batch_item where claim_id = ?""")
        .param(UUID.fromString(claimId)).query().singleRow();
    assertThat(item).containsEntry("functional_status", "ACCEPTED").containsEntry("claim_status_category", "A2");
    assertThat(events(claimId)).containsSubsequence("QUEUED", "BATCHED", "SENT", "999_ACCEPTED", "ACCEPTED");
    assertThat(jdbc.sql("select count(*) from inbound_message where channel = 'x12-clearinghouse' and status = 'PROCESSED'"
        + " and payload like ?").param("%" + pcn + "%").query(Integer.class).single()).isEqualTo(1);
    try (Stream<Path> archived = Files.list(server.root().resolve("archive"))) {
      List<String> contents = archived.map(p -> readQuietly(p)).filter(c -> c.contains(pcn)).toList();
      assertThat(contents).anyMatch(c -> c.contains("ST*277*")).anyMatch(c -> c.contains("ST*835*"));
    }
    assertThat(jdbc.sql("select count(*) from inbound_message where channel = 'x12-835' and status = 'PROCESSED'"
        + " and payload like ?").param("%" + pcn + "%").query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void aFileDeliveredTwiceIsActedOnOnce() throws IOException {
    String claimId = post(visit("LMH700000002"));
    awaitStatus(claimId, SETTLED);
    String pcn = pcn(claimId);
    UUID id = UUID.fromString(claimId);
    int entries = jdbc.sql("select count(*) from journal_entry where claim_id = ?").param(id).query(Integer.class).single();
    int eventCount = events(claimId).size();

    // the clearinghouse delivers the 277CA and the 835 again, under new names
    List<Path> again;
    try (Stream<Path> archived = Files.list(server.root().resolve("archive"))) {
      again = archived.filter(p -> readQuietly(p).contains(pcn)).filter(p -> !readQuietly(p).contains("ST*999*")).toList();
    }
    assertThat(again).hasSize(2);
    for (Path file : again) {
      Files.copy(file, server.root().resolve("inbound").resolve("again-" + file.getFileName()));
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      try (Stream<Path> inbound = Files.list(server.root().resolve("inbound"))) {
        return inbound.noneMatch(p -> p.getFileName().toString().startsWith("again-"));
      }
    });

    assertThat(jdbc.sql("select count(*) from journal_entry where claim_id = ?").param(id).query(Integer.class).single())
        .isEqualTo(entries);
    assertThat(events(claimId)).hasSize(eventCount);
    assertThat(jdbc.sql("select count(*) from remittance_claim where claim_id = ?").param(id).query(Integer.class).single())
        .isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from inbound_message where channel = 'x12-835' and status = 'DUPLICATE'"
        + " and payload like ?").param("%" + pcn + "%").query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void a999RejectionOpensACorrectionTaskNamingClaimSegmentAndField() throws IOException {
    payers.setAnswering(false);
    String claimId = post(visit("LMH700000003"));
    String pcn = pcn(claimId);
    String fileName = awaitUploadedBatch(claimId);

    // a transfer fault garbles the claim's total charge
    changeInTransit(fileName, "CLM\\*" + pcn + "\\*249\\.5\\*", "CLM*" + pcn + "*2A9.5*");
    assertThat(payers.answerBatches()).isEqualTo(1);

    String taskId = awaitTask(pcn);
    String reasons = variable(taskId, "rejectionReasons");
    assertThat(reasons).contains("Claim " + pcn, "999", "Segment CLM", "field CLM02 (the claim's total charge)",
        "Invalid Character In Data Element");
    assertThat(claim(claimId).getString("claim.status")).isEqualTo("REJECTED");

    // the biller checks the claim (its data was right) and sends it again; this time it arrives whole
    payers.setAnswering(true);
    complete(taskId, "resent: the file was damaged in transfer");
    assertThat(awaitStatus(claimId, SETTLED)).isIn("CLOSED", "PATIENT_BILLED");
    assertThat(batchFiles(claimId)).hasSize(2);
    assertThat(events(claimId)).containsSubsequence("REJECTED", "QUEUED", "999_ACCEPTED", "ACCEPTED");
  }

  @Test
  void a277caRejectionOpensACorrectionTaskWithThePayersReason() throws IOException {
    payers.setAnswering(false);
    String claimId = post(visit("LMH700000004"));
    String pcn = pcn(claimId);
    String fileName = awaitUploadedBatch(claimId);

    // valid X12, so the 999 accepts it; the payer's front end does not know the member id it now carries
    changeInTransit(fileName, "\\*MI\\*LMH700000004~", "*MI*XQ7~");
    payers.answerBatches();

    String taskId = awaitTask(pcn);
    String reasons = variable(taskId, "rejectionReasons");
    assertThat(reasons).contains("Claim " + pcn, "payer CMA returned it unprocessed (277CA)", "memberId",
        "A7", "about entity IL");
    assertThat(jdbc.sql("select functional_status || '/' || claim_status_category from claim_batch_item where claim_id = ?")
        .param(UUID.fromString(claimId)).query(String.class).single()).isEqualTo("ACCEPTED/A7");

    payers.setAnswering(true);
    complete(taskId, "member id confirmed with the payer");
    assertThat(awaitStatus(claimId, SETTLED)).isIn("CLOSED", "PATIENT_BILLED");
  }

  @Test
  void aCorrectedClaimGoesOutAsFrequency7WithThePayersClaimNumber() throws IOException {
    Map<String, Object> encounter = visit("LMH700000005");
    encounter.put("priorAuthorization", "SANDBOX-DENY-16");
    String claimId = post(encounter);
    awaitStatus(claimId, List.of("DENIED"));
    String pcn = pcn(claimId);
    String originalPayerClaim = claim(claimId).getString("claim.payerClaimNumber");
    // CO-16 with no remark code is missing information: denial management gives it to billing specialists
    await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().preemptive().basic("billing", "it-billing")
        .queryParam("processInstanceBusinessKey", pcn).get("/engine-rest/task").jsonPath().getList("id").size() == 1);
    String taskId = given().auth().preemptive().basic("billing", "it-billing")
        .queryParam("processInstanceBusinessKey", pcn).get("/engine-rest/task").jsonPath().getString("[0].id");
    given().auth().preemptive().basic("billing", "it-billing").contentType("application/json")
        .body("{\"variables\":{\"denialDecision\":{\"value\":\"RESUBMIT\"},\"denialNote\":{\"value\":\"added records\"}}}")
        .post("/engine-rest/task/" + taskId + "/complete").then().statusCode(204);

    assertThat(awaitStatus(claimId, SETTLED)).isIn("CLOSED", "PATIENT_BILLED");
    List<String> files = batchFiles(claimId);
    assertThat(files).hasSize(2);
    String replacement = Files.readString(server.root().resolve("received").resolve(files.get(1)), StandardCharsets.US_ASCII);
    assertThat(replacement).containsPattern("CLM\\*" + pcn + "\\*[0-9.]+\\*\\*\\*11:B:7\\*")
        .contains("REF*F8*" + originalPayerClaim + "~");
    String original = Files.readString(server.root().resolve("received").resolve(files.get(0)), StandardCharsets.US_ASCII);
    assertThat(original).containsPattern("CLM\\*" + pcn + "\\*[0-9.]+\\*\\*\\*11:B:1\\*").doesNotContain("REF*F8*");
  }

  private io.restassured.response.ValidatableResponse voidClaim(String user, String password, String claimId, String body) {
    var request = given().auth().preemptive().basic(user, password).contentType("application/json");
    return (body == null ? request : request.body(body)).post("/api/claims/" + claimId + "/void").then();
  }

  @Test
  void aPaidClaimBilledInErrorIsVoidedAsFrequency8AndReversed() throws IOException {
    String claimId = post(visit("LMH700000008"));
    assertThat(awaitStatus(claimId, SETTLED)).isIn("CLOSED", "PATIENT_BILLED");
    String pcn = pcn(claimId);
    String payerClaim = claim(claimId).getString("claim.payerClaimNumber");
    assertThat(payerClaim).isNotBlank();
    assertThat(claim(claimId).getDouble("amounts.payerPaid")).isPositive();

    // what a billing office gets wrong is refused, naming what and why, and changes nothing
    voidClaim("billing", "it-billing", claimId, "{}").statusCode(400)
        .body("field", org.hamcrest.Matchers.equalTo("reason"));
    voidClaim("billing", "it-billing", claimId, "{\"reason\": \"  \"}").statusCode(400)
        .body("field", org.hamcrest.Matchers.equalTo("reason"));
    voidClaim("billing", "it-billing", UUID.randomUUID().toString(), "{\"reason\": \"wrong patient\"}").statusCode(404);
    voidClaim("coder", "it-coder", claimId, "{\"reason\": \"wrong patient\"}").statusCode(403);
    assertThat(claim(claimId).getString("claim.status")).isIn("CLOSED", "PATIENT_BILLED");
    assertThat(claim(claimId).getString("claim.frequencyCode")).isEqualTo("1");

    voidClaim("billing", "it-billing", claimId, "{\"reason\": \"wrong patient: registered under a sibling\"}")
        .statusCode(202).body("status", org.hamcrest.Matchers.equalTo("VOIDING"))
        .body("frequencyCode", org.hamcrest.Matchers.equalTo("8"));
    // asked twice: the void is already on its way
    voidClaim("billing", "it-billing", claimId, "{\"reason\": \"again\"}").statusCode(409)
        .body("detail", org.hamcrest.Matchers.containsString("already being voided"));

    assertThat(awaitStatus(claimId, List.of("VOIDED"))).isEqualTo("VOIDED");
    // the void went out as a second 837: frequency 8 with the payer's claim number
    List<String> files = batchFiles(claimId);
    assertThat(files).hasSize(2);
    String voided = Files.readString(server.root().resolve("received").resolve(files.get(1)), StandardCharsets.US_ASCII);
    assertThat(voided).containsPattern("CLM\\*" + pcn + "\\*[0-9.]+\\*\\*\\*11:B:8\\*")
        .contains("REF*F8*" + payerClaim + "~");
    // the payer's reversal (CLP02 22) posted, and the claim's timeline says who asked and why
    assertThat(jdbc.sql("select count(*) from remittance_claim where claim_id = ? and status_code = '22' and posted_at is not null")
        .param(UUID.fromString(claimId)).query(Integer.class).single()).isEqualTo(1);
    JsonPath voidedClaim = claim(claimId);
    assertThat(voidedClaim.getList("stages.outcome")).containsSubsequence("REQUESTED", "QUEUED", "999_ACCEPTED", "VOIDED");
    assertThat(voidedClaim.getList("stages.detail", String.class))
        .anyMatch(d -> d != null && d.contains("wrong patient: registered under a sibling") && d.contains(payerClaim));
    assertThat(voidedClaim.getList("stages.actor", String.class)).contains("billing");
    // the charge is reversed: nothing is open, and charge = paid + adjustments + patient + open still holds
    assertThat(voidedClaim.getDouble("amounts.charge")).isZero();
    assertThat(voidedClaim.getDouble("amounts.payerPaid")).isZero();
    assertThat(voidedClaim.getDouble("amounts.insuranceBalance")).isZero();
    assertThat(voidedClaim.getDouble("amounts.patientBalance")).isZero();
    assertThat(voidedClaim.getBoolean("amounts.reconciles")).isTrue();
    org.revcycle.support.LedgerInvariants.assertHold(jdbc);

    voidClaim("billing", "it-billing", claimId, "{\"reason\": \"again\"}").statusCode(409)
        .body("detail", org.hamcrest.Matchers.containsString("already voided"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(pcn).count()).isZero();
  }

  @Test
  void aDeniedClaimIsVoidedItsDenialReviewEndsAndTheReversalMovesNoMoney() {
    Map<String, Object> encounter = visit("LMH700000010");
    encounter.put("priorAuthorization", "SANDBOX-DENY-16");
    String claimId = post(encounter);
    awaitStatus(claimId, List.of("DENIED"));
    String pcn = pcn(claimId);
    await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().preemptive().basic("billing", "it-billing")
        .queryParam("processInstanceBusinessKey", pcn).get("/engine-rest/task").jsonPath().getList("id").size() == 1);

    voidClaim("admin", "it-admin", claimId, "{\"reason\": \"services not rendered\"}").statusCode(202);
    // the denial review has nothing left to work: the void took over
    assertThat(given().auth().preemptive().basic("billing", "it-billing").queryParam("processInstanceBusinessKey", pcn)
        .get("/engine-rest/task").jsonPath().getList("id")).isEmpty();

    assertThat(awaitStatus(claimId, List.of("VOIDED"))).isEqualTo("VOIDED");
    // the denial moved no money, so its reversal posts none; the void reverses the charge
    assertThat(jdbc.sql("""
        select count(*) from journal_entry e join remittance_claim r on r.claim_id = e.claim_id
        where e.claim_id = ? and e.source_type = 'REMITTANCE'""").param(UUID.fromString(claimId)).query(Integer.class).single())
        .isZero();
    JsonPath voided = claim(claimId);
    assertThat(voided.getDouble("amounts.charge")).isZero();
    assertThat(voided.getDouble("amounts.insuranceBalance")).isZero();
    assertThat(voided.getBoolean("amounts.reconciles")).isTrue();
    org.revcycle.support.LedgerInvariants.assertHold(jdbc);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(pcn).count()).isZero();
  }

  @Test
  void aClaimThePayerHasNotAdjudicatedCannotBeVoided() {
    payers.setAnswering(false);
    String claimId = post(visit("LMH700000009"));
    awaitUploadedBatch(claimId);
    voidClaim("admin", "it-admin", claimId, "{\"reason\": \"services not rendered\"}").statusCode(409)
        .body("detail", org.hamcrest.Matchers.containsString("has not been adjudicated"));
    assertThat(claim(claimId).getString("claim.status")).isEqualTo("SUBMITTED");
    assertThat(claim(claimId).getString("claim.frequencyCode")).isEqualTo("1");
  }

  @Test
  void withTheClearinghouseDownUploadsRetryThenRaiseAnIncidentAndResumeWhenItIsBack() {
    server.stop();
    String claimId = post(visit("LMH700000006"));

    // the batch is written and kept; its upload fails and is retried by the engine
    await().atMost(Duration.ofSeconds(30)).until(() -> uploadJob(claimId) != null && uploadJob(claimId).getExceptionMessage() != null);
    Job job = uploadJob(claimId);
    assertThat(job.getExceptionMessage()).contains("SFTP upload");
    assertThat(job.getRetries()).isLessThan(5).isPositive();
    assertThat(claim(claimId).getString("claim.status")).isEqualTo("SUBMITTED");
    await().atMost(Duration.ofSeconds(10)).until(() -> inbox.failedPolls() > 0);

    // the retries run out (the engine would space them out over three minutes): an incident for Cockpit
    while (uploadJob(claimId).getRetries() > 0) {
      String id = uploadJob(claimId).getId();
      try {
        management.executeJob(id);
      } catch (RuntimeException expected) {
        // still down
      }
    }
    assertThat(runtime.createIncidentQuery().processInstanceId(uploadJob(claimId).getProcessInstanceId()).count())
        .isEqualTo(1);
    assertThat(jdbc.sql("select status from claim_batch b join claim_batch_item i on i.batch_id = b.id where i.claim_id = ?")
        .param(UUID.fromString(claimId)).query(String.class).single()).isEqualTo("READY");

    // the clearinghouse is back; an administrator retries the incident; the claim goes on to be paid
    server.start();
    management.setJobRetries(uploadJob(claimId).getId(), 1);
    management.executeJob(uploadJob(claimId).getId());
    assertThat(awaitStatus(claimId, SETTLED)).isIn("CLOSED", "PATIENT_BILLED");
    await().atMost(Duration.ofSeconds(10)).until(() -> inbox.failedPolls() == 0);
  }

  @Test
  void a277caThatArrivesBeforeTheSetsOwn999WaitsForIt() throws IOException {
    payers.setAnswering(false);
    String claimId = post(visit("LMH700000007"));
    String pcn = pcn(claimId);
    awaitUploadedBatch(claimId);

    // the clearinghouse answers while revcycle cannot look, and dates its 277CA before its 999
    server.stop();
    payers.answerBatches();
    try (Stream<Path> inbound = Files.list(server.root().resolve("inbound"))) {
      for (Path file : inbound.filter(p -> readQuietly(p).contains(pcn) || readQuietly(p).contains("ST*999*")).toList()) {
        boolean functional = readQuietly(file).contains("ST*999*");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(
            java.time.Instant.now().plusSeconds(functional ? 5 : -60)));
      }
    }
    server.start();
    payers.setAnswering(true);

    assertThat(awaitStatus(claimId, SETTLED)).isIn("CLOSED", "PATIENT_BILLED");
    assertThat(events(claimId)).containsSubsequence("999_ACCEPTED", "ACCEPTED");
    // the 277CA was tried before its 999 and again after it: one file received, one record
    assertThat(jdbc.sql("""
        select status from inbound_message where channel = 'x12-clearinghouse' and payload like '%ST*277*%' and payload like ?""")
        .param("%" + pcn + "%").query(String.class).list()).containsExactly("PROCESSED");
  }

  @Test
  void aFileThatIsNotX12IsKeptWithTheReasonAndArchivedNotLost() throws IOException {
    String name = "broken-" + UUID.randomUUID() + ".x12";
    Files.writeString(server.root().resolve("inbound").resolve(name), "this is not an interchange");

    await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(server.root().resolve("archive").resolve(name)));
    Map<String, Object> kept = jdbc.sql("""
        select status, error from inbound_message where channel = 'x12-clearinghouse' and payload = ?""")
        .param("this is not an interchange").query().singleRow();
    assertThat(kept).containsEntry("status", "REJECTED");
    assertThat(kept.get("error").toString()).contains(name, "not a 999, 277CA or 835");
  }

  private Job uploadJob(String claimId) {
    List<String> batches = jdbc.sql("select batch_id from claim_batch_item where claim_id = ? and batch_id is not null")
        .param(UUID.fromString(claimId)).query(String.class).list();
    if (batches.isEmpty()) {
      return null;
    }
    var instance = runtime.createProcessInstanceQuery().processDefinitionKey(ClaimSubmissionProcess.BATCH_PROCESS_KEY)
        .processInstanceBusinessKey(batches.get(0)).singleResult();
    return instance == null ? null : management.createJobQuery().processInstanceId(instance.getId()).singleResult();
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return "";
    }
  }
}
