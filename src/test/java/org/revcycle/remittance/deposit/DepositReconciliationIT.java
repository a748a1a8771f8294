package org.revcycle.remittance.deposit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revcycle.remittance.RemittanceFiles;
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

/** Cash reconciliation on PostgreSQL: a hand-written BAI2 file against 835 payments, the report and the queue. */
class DepositReconciliationIT extends PostgresIntegrationTest {

  @Autowired JdbcClient jdbc;

  @AfterEach
  void ledgerInvariantsHold() {
    LedgerInvariants.assertHold(jdbc);
  }
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired RemittanceFiles files;
  @Autowired SequenceControlNumbers controlNumbers;

  private RequestSpecification finance() {
    return given().auth().preemptive().basic("finance", "it-finance");
  }

  @Test
  void depositsMatchTheir835ByTraceNumberAndAmountAndTheRestIsReportedAndQueued() throws Exception {
    UUID paid = remittanceFile("EFT20261125A", "12500.00");
    UUID shortPaid = remittanceFile("MCD9988776", "4300.00");
    UUID noDeposit = remittanceFile("CHK-NO-DEPOSIT-" + UUID.randomUUID().toString().substring(0, 8), "99.00");
    String bai2 = Bai2ParserTest.sample();

    // a bad file first: refused by record and field, nothing taken
    int before = jdbc.sql("select count(*) from bank_deposit").query(Integer.class).single();
    finance().contentType("text/plain").body(bai2.replace("99,32564575,1,13/", "99,32564575,1,14/"))
        .post("/api/deposits")
        .then().statusCode(400).contentType("application/problem+json")
        .body("field", equalTo("record 13 (99), field 4 number of records"));
    assertThat(jdbc.sql("select count(*) from bank_deposit").query(Integer.class).single()).isEqualTo(before);

    List<Map<String, Object>> deposits = finance().contentType("text/plain").body(bai2).post("/api/deposits")
        .then().statusCode(201).body("deposits", hasSize(3)).body("alreadyKnown", equalTo(0))
        .extract().path("deposits");
    assertThat(deposits).extracting(d -> d.get("matchStatus")).containsExactly("MATCHED", "AMOUNT_MISMATCH", "UNMATCHED");
    assertThat(deposits.get(0).get("matchedFileId")).isEqualTo(paid.toString());
    assertThat(deposits.get(1).get("matchedFileId")).isEqualTo(shortPaid.toString());
    String lockbox = (String) deposits.get(2).get("id");

    // the bank sends the same file again: nothing new
    finance().contentType("text/plain").body(bai2).post("/api/deposits")
        .then().statusCode(200).body("deposits", hasSize(0)).body("alreadyKnown", equalTo(3));

    Map<String, Object> report = finance().get("/api/deposits/unreconciled").then().statusCode(200).extract().path("");
    assertThat(ids(report, "deposits")).contains(lockbox).doesNotContain((String) deposits.get(0).get("id"));
    assertThat(ids(report, "amountMismatches")).contains((String) deposits.get(1).get("id"));
    assertThat(fileIds(report)).contains(noDeposit.toString()).doesNotContain(paid.toString(), shortPaid.toString());

    // the two that did not match are on finance's queue
    Task task = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
        .processInstanceBusinessKey(lockbox).taskName("Reconcile deposit").singleResult(), t -> t != null);
    assertThat(task.getDueDate()).isNotNull();
    assertThat(tasks.createTaskQuery().taskCandidateGroup("finance").taskId(task.getId()).count()).isEqualTo(1);
    assertThat((String) tasks.getVariable(task.getId(), "depositSummary")).contains("500.00").contains("LBX77");

    // "not an 835 payment" needs a note: the task comes back saying so
    tasks.complete(task.getId(), Map.of("reconcileDecision", "NOT_REMITTANCE"));
    Task again = tasks.createTaskQuery().processInstanceBusinessKey(lockbox).singleResult();
    assertThat((String) tasks.getVariable(again.getId(), "reconcileProblem")).contains("note is required");
    tasks.complete(again.getId(), Map.of("reconcileDecision", "NOT_REMITTANCE", "reconcileNote", "county grant"));
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(lockbox).count()).isZero();
    finance().get("/api/deposits/" + lockbox).then().statusCode(200)
        .body("matchStatus", equalTo("NOT_REMITTANCE")).body("resolutionNote", equalTo("county grant"));

    // a deposit posted as JSON matches the 835 that had none
    String trace = jdbc.sql("select trace_number from remittance_file where id = ?").param(noDeposit)
        .query(String.class).single();
    String body = """
        {"bankReference":"WEB-%s","depositDate":"2026-11-26","amount":"99.00","traceNumber":"%s"}"""
        .formatted(UUID.randomUUID(), trace);
    finance().contentType("application/json").body(body).post("/api/deposits")
        .then().statusCode(201).body("deposits[0].matchStatus", equalTo("MATCHED"))
        .body("deposits[0].matchedFileId", equalTo(noDeposit.toString()));
    finance().contentType("application/json").body(body).post("/api/deposits")
        .then().statusCode(200).body("alreadyKnown", equalTo(1));
    Map<String, Object> after = finance().get("/api/deposits/unreconciled").then().extract().path("");
    assertThat(fileIds(after)).doesNotContain(noDeposit.toString());
    assertThat(ids(after, "deposits")).doesNotContain(lockbox);

    finance().contentType("application/json").body(body.replace("\"99.00\"", "\"99.001\"")).post("/api/deposits")
        .then().statusCode(400).body("field", equalTo("amount"));
    given().auth().preemptive().basic("billing", "it-billing").get("/api/deposits/unreconciled").then().statusCode(403);
    finance().contentType("text/plain").body("01,X/").post("/api/deposits")
        .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("record 1"));
  }

  @Test
  void aDepositThatCameBeforeIts835MatchesWhenThe835PostsAndItsTaskCloses() {
    String trace = "LATE" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String depositId = finance().contentType("application/json")
        .body("""
            {"bankReference":"WEB-%s","depositDate":"2026-11-26","amount":"70.00","traceNumber":"%s"}"""
            .formatted(trace, trace))
        .post("/api/deposits").then().statusCode(201).body("deposits[0].matchStatus", equalTo("UNMATCHED"))
        .extract().path("deposits[0].id");
    await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
        .processInstanceBusinessKey(depositId).taskName("Reconcile deposit").count() == 1);

    // the payer's 835 arrives, through the real posting path
    RemittanceFiles.Taken taken = files.receive(remittance(trace), "it");
    await().atMost(Duration.ofSeconds(60)).until(() -> "POSTED".equals(
        jdbc.sql("select status from remittance_file where id = ?").param(taken.fileId()).query(String.class).single()));

    // matched in the posting job's transaction, which commits just after the file shows POSTED
    await().atMost(Duration.ofSeconds(10)).until(() -> "MATCHED".equals(
        finance().get("/api/deposits/" + depositId).then().statusCode(200).extract().path("matchStatus")));
    finance().get("/api/deposits/" + depositId).then().body("matchedFileId", equalTo(taken.fileId().toString()));
    await().atMost(Duration.ofSeconds(10)).until(() ->
        tasks.createTaskQuery().processInstanceBusinessKey(depositId).count() == 0);
    assertThat(history.createHistoricActivityInstanceQuery().activityId("DepositMatchedLater")
        .processInstanceId(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(depositId)
            .singleResult().getId()).count()).isEqualTo(1);
  }

  /** An 835 paying 70.00 on one claim revcycle does not know (it goes to unapplied cash), under the given TRN. */
  private byte[] remittance(String trace) {
    LocalDate date = LocalDate.of(2026, 10, 15);
    BigDecimal charge = new BigDecimal("100.00");
    BigDecimal paid = new BigDecimal("70.00");
    ServicePayment service = new ServicePayment("HC", "99213", List.of(), charge, paid, null, null, null, null, date, date,
        "1", Map.of(), List.of(), List.of(new Adjustment("CO", "45", new BigDecimal("30.00"), null)), null);
    ClaimPayment claim = new ClaimPayment("NOSUCH-" + trace, "1", charge, paid, null, "CI", "PCN" + trace, "11", "1", null,
        "DOE", "J", "MI", "M" + trace, "1972183925", date, date, null, List.of(), Map.of(), List.of(), List.of(service), null);
    RemittanceHeader header = new RemittanceHeader(null, "I", paid, "C", "ACH", LocalDate.of(2026, 11, 26), trace,
        "1999999999", LocalDate.of(2026, 11, 25),
        new RemittanceHeader.Party("SANDBOX MUTUAL", null, null, "1 PAYER WAY", "HARTFORD", "CT", "06101", Map.of("2U", "CMA")),
        new RemittanceHeader.Party("REGIONAL MEDICAL CENTER", "XX", "1234567893", null, null, null, null, Map.of("TJ", "123456789")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RemittanceAdviceWriter.writeFile(out, InterchangeParties.of("SANDBOXPAYER", "REVCYCLE", 'T'), controlNumbers,
        Clock.systemUTC(), List.of(new RemittanceAdvice(header, List.of(claim), List.of())));
    return out.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private static List<String> ids(Map<String, Object> report, String list) {
    return ((List<Map<String, Object>>) report.get(list)).stream().map(d -> (String) d.get("id")).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<String> fileIds(Map<String, Object> report) {
    return ((List<Map<String, Object>>) report.get("remittancesWithoutDeposit")).stream()
        .map(d -> (String) d.get("fileId")).toList();
  }

  /** A posted 835 as the posting leaves it: only what reconciliation reads (TRN02, BPR02, status). */
  private UUID remittanceFile(String trace, String amount) {
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql("insert into inbound_message (id, channel, source_key, received_at, payload, status) values (?, 'X12_835', ?, ?, 'ISA...', 'PROCESSED')")
        .params(id, "test:" + id, now).update();
    jdbc.sql("""
            insert into remittance_file (id, sha256, source, status, trace_number, payer_id, payment_method, payment_date,
              total_payment, received_at, posted_at)
            values (?, ?, 'test', 'POSTED', ?, 'PAYER1', 'ACH', ?, ?, ?, ?)""")
        .params(id, String.format("%064x", new java.math.BigInteger(1, id.toString().getBytes())).substring(0, 64), trace,
            LocalDate.of(2026, 11, 25), new BigDecimal(amount), now, now)
        .update();
    return id;
  }
}
