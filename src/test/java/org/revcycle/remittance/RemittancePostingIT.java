package org.revcycle.remittance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revcycle.ledger.JournalEntry;
import org.revcycle.ledger.JournalLine;
import org.revcycle.ledger.Ledger;
import org.revcycle.support.LedgerInvariants;
import org.revcycle.support.PostgresIntegrationTest;
import org.revcycle.x12.InterchangeParties;
import org.revcycle.x12.SequenceControlNumbers;
import org.revcycle.x12.remittance.Adjustment;
import org.revcycle.x12.remittance.ClaimPayment;
import org.revcycle.x12.remittance.ProviderAdjustment;
import org.revcycle.x12.remittance.RemittanceAdvice;
import org.revcycle.x12.remittance.RemittanceAdviceWriter;
import org.revcycle.x12.remittance.RemittanceHeader;
import org.revcycle.x12.remittance.RemittanceSamples;
import org.revcycle.x12.remittance.ServicePayment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * remittance-posting on PostgreSQL: the stupidedi 835 samples post with their exact amounts, a
 * crash mid-file resumes to the same ledger as a clean run, the same file or the same decisions
 * again post nothing, and the people's tasks (unmatched remittance, remittance exception) work.
 * After every test: every entry balances and every claim reconciles.
 */
class RemittancePostingIT extends PostgresIntegrationTest {

  private static final Path SAMPLES = Path.of("src/test/resources/x12/samples/stupidedi/X221A1-HP835");

  @Autowired JdbcClient jdbc;
  @Autowired RemittanceFiles files;
  @Autowired Ledger ledger;
  @Autowired SequenceControlNumbers controlNumbers;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @MockitoSpyBean RemittancePostingProbe probe;

  @AfterEach
  void everyEntryBalancesAndEveryClaimReconciles() {
    LedgerInvariants.assertHold(jdbc);
    // and the claims API says the same for the claims this test touched last
    for (UUID id : jdbc.sql("select id from claim order by updated_at desc, created_at desc limit 10").query(UUID.class).list()) {
      var claim = given().auth().preemptive().basic("billing", "it-billing").get("/api/claims/" + id)
          .then().statusCode(200).extract().jsonPath();
      assertThat(claim.getBoolean("amounts.reconciles")).as("claim %s reconciles", id).isTrue();
      assertThat(claim.getList("lines.amounts.reconciles", Boolean.class)).as("claim %s lines reconcile", id).doesNotContain(false);
    }
  }

  // --- the stupidedi samples ------------------------------------------------------------------------

  @Test
  void theStupidediSamplesPostWithTheirExactAmounts() throws Exception {
    UUID big = seedClaim("666123", "MCR", "211366.97", "666666666A", LocalDate.of(2002, 8, 16));
    UUID small = seedClaim("777777", "MCR", "15000.00", "996669999B", LocalDate.of(2002, 5, 12));
    UUID dental = seedClaim("7722337", "CMA", "3039.00", "SJD11111", LocalDate.of(2014, 3, 24));

    UUID dollars = postAndAwait(Files.readAllBytes(SAMPLES.resolve("dollars-and-data-sent-together.edi")));
    // BPR02 150000.00 = 138018.40 + 11980.33 − (PLB CV −1.27): cash clearing takes exactly the check
    assertThat(cashFor(dollars)).isEqualByComparingTo("150000.00");
    assertThat(accountTotals(dollars)).containsEntry("1010", new BigDecimal("150000.00"))
        .containsEntry("4110", new BigDecimal("76368.24")) // CO-45 73348.57 + 3019.67
        .containsEntry("1111", new BigDecimal("-226366.97")) // Medicare receivable taken down by both claims
        .containsEntry("2110", new BigDecimal("-1.27")); // PLB CV has no account mapped: unapplied, for a person
    assertThat(claimNet(big, "1111")).isEqualByComparingTo("0.00");
    assertThat(claimNet(small, "1111")).isEqualByComparingTo("0.00");
    assertThat(jdbc.sql("select count(*) from journal_line l join journal_entry e on e.id = l.entry_id where e.source_file_id = ? and l.source_code = 'CO-45'")
        .param(dollars).query(Integer.class).single()).isEqualTo(2);

    UUID multiple = postAndAwait(Files.readAllBytes(SAMPLES.resolve("multiple-claims-single-check.edi")));
    assertThat(cashFor(multiple)).isEqualByComparingTo("810.80");
    var file = files(multiple);
    assertThat(file.get("matched")).isEqualTo(9);
    assertThat(file.get("unmatched")).isEqualTo(0);

    // era-sample's only claim is the same decision, on the same payment trace, as one already posted
    UUID era = postAndAwait(Files.readAllBytes(SAMPLES.resolve("era-sample.edi")));
    assertThat(files(era).get("alreadyTaken")).isEqualTo(1);
    assertThat(cashFor(era)).isEqualByComparingTo("0.00");
    // per claim: charge = paid + adjustments + patient responsibility + open balance (checked after each test too)
    BigDecimal dentalOpen = claimNet(dental, "1113").add(claimNet(dental, "1120"));
    assertThat(new BigDecimal("3039.00")).isEqualByComparingTo(claimNet(dental, "1010").add(claimNet(dental, "4110"))
        .add(claimNet(dental, "4120")).add(claimNet(dental, "4130")).add(dentalOpen));
    assertThat(claimNet(dental, "1010")).isEqualByComparingTo("810.80");
  }

  // --- exactly once ---------------------------------------------------------------------------------

  @Test
  void aCrashMidFileResumesToTheSameLedgerAsACleanRun() {
    int claims = 600;
    List<String> crashPcns = seedClaims("CRASH", claims);
    List<String> cleanPcns = seedClaims("CLEAN", claims);
    byte[] crashFile = file(advice("TRN-CRASH", crashPcns));
    byte[] cleanFile = file(advice("TRN-CLEAN", cleanPcns));

    UUID clean = postAndAwait(cleanFile);

    // a failure after 400 claims (inside the second chunk of 250), once: the engine retries the job
    AtomicBoolean failed = new AtomicBoolean();
    doAnswer(invocation -> {
      if ((int) invocation.getArgument(1) == 400 && failed.compareAndSet(false, true)) {
        throw new IllegalStateException("injected crash after 400 claims");
      }
      return null;
    }).when(probe).claimTaken(any(), anyInt());
    UUID crash = UUID.fromString(receive(crashFile).fileId().toString());
    await().atMost(Duration.ofSeconds(60)).until(failed::get);
    await().atMost(Duration.ofSeconds(30)).until(() -> failedJob(crash) != null);
    // the first chunk stayed committed, the second rolled back whole
    assertThat(jdbc.sql("select claims_taken from remittance_file where id = ?").param(crash).query(Integer.class).single()).isEqualTo(250);
    assertThat(jdbc.sql("select count(*) from remittance_claim where file_id = ?").param(crash).query(Integer.class).single()).isEqualTo(250);
    management.setJobDuedate(failedJob(crash).getId(), new Date());
    awaitPosted(crash);

    assertThat(jdbc.sql("select count(*) from remittance_claim where file_id = ?").param(crash).query(Integer.class).single()).isEqualTo(claims);
    assertThat(jdbc.sql("select count(*) from journal_entry where source_file_id = ?").param(crash).query(Integer.class).single())
        .isEqualTo(jdbc.sql("select count(*) from journal_entry where source_file_id = ?").param(clean).query(Integer.class).single());
    assertThat(accountTotals(crash)).isEqualTo(accountTotals(clean));
    assertThat(cashFor(crash)).isEqualByComparingTo(advice("X", crashPcns).header().totalPayment());
  }

  @Test
  void theSameFileOrTheSameDecisionsInANewEnvelopePostNothingTwice() {
    List<String> pcns = seedClaims("AGAIN", 5);
    RemittanceAdvice advice = advice("TRN-AGAIN", pcns);
    byte[] first = file(advice);
    UUID fileId = postAndAwait(first);
    Map<String, BigDecimal> before = accountTotals(fileId);
    int entries = jdbc.sql("select count(*) from journal_entry").query(Integer.class).single();

    RemittanceFiles.Taken same = receive(first);
    assertThat(same.duplicate()).isTrue();
    assertThat(same.fileId()).isEqualTo(fileId);
    // the payer sends the same decisions again under new control numbers: a different file, nothing new in it
    UUID resent = postAndAwait(file(advice));
    assertThat(resent).isNotEqualTo(fileId);
    assertThat(files(resent).get("alreadyTaken")).isEqualTo(5);
    int plbEntries = jdbc.sql("select count(*) from journal_entry where source_file_id = ? and source_type = 'PROVIDER_ADJUSTMENT'")
        .param(resent).query(Integer.class).single();
    assertThat(jdbc.sql("select count(*) from journal_entry").query(Integer.class).single()).isEqualTo(entries + plbEntries);
    assertThat(accountTotals(fileId)).isEqualTo(before);
  }

  // --- reversals, secondary payments, PLB --------------------------------------------------------------

  @Test
  void aSecondaryPaymentAndAReversalPostAgainstTheRightReceivables() {
    UUID claim = seedClaim("SEC-1", "CMB", "100.00", "SECMEMBER", LocalDate.of(2026, 11, 2));
    ClaimPayment primary = RemittanceSamples.claim("SEC-1", "1", "100", "60",
        List.of(new Adjustment("CO", "45", new BigDecimal("20"), null), new Adjustment("PR", "1", new BigDecimal("20"), null)), List.of());
    postAndAwait(file(advice("TRN-SEC1", List.of(primary), List.of())));
    assertThat(claimNet(claim, "1120")).isEqualByComparingTo("20.00");

    ClaimPayment secondary = RemittanceSamples.claim("SEC-1", "2", "100", "15",
        List.of(new Adjustment("OA", "23", new BigDecimal("80"), null), new Adjustment("CO", "45", new BigDecimal("5"), null)), List.of());
    // interest L6 (adds 1.10 to the check) and a recoupment WO (takes 4.00 back)
    ProviderAdjustment plb = new ProviderAdjustment("1234567893", LocalDate.of(2026, 12, 31), List.of(
        new ProviderAdjustment.Item("L6", "SEC-1", new BigDecimal("-1.10")), new ProviderAdjustment.Item("WO", "OLD-9", new BigDecimal("4.00"))));
    UUID second = postAndAwait(file(advice("TRN-SEC2", List.of(secondary), List.of(plb))));
    assertThat(claimNet(claim, "1120")).as("the secondary took the patient's share down").isEqualByComparingTo("0.00");
    assertThat(claimNet(claim, "1010")).isEqualByComparingTo("75.00");
    assertThat(cashFor(second)).isEqualByComparingTo("12.10");
    assertThat(accountTotals(second)).containsEntry("4510", new BigDecimal("-1.10")).containsEntry("2130", new BigDecimal("4.00"));

    ClaimPayment reversal = RemittanceSamples.claim("SEC-1", "22", "-100", "-60",
        List.of(new Adjustment("CO", "45", new BigDecimal("-20"), null), new Adjustment("PR", "1", new BigDecimal("-20"), null)), List.of());
    postAndAwait(file(advice("TRN-SEC3", List.of(reversal), List.of())));
    assertThat(claimNet(claim, "1113")).as("the reversal puts the claim back with the payer").isEqualByComparingTo("100.00");
  }

  @Test
  void balancesByClaimPayerAndAccountAndTheRollForwardTieOutToTheLedger() {
    UUID claim = seedClaim("RF-1", "MCR", "500.00", "RFMEMBER", LocalDate.of(2026, 10, 5));
    ClaimPayment paid = RemittanceSamples.claim("RF-1", "1", "500", "350",
        List.of(new Adjustment("CO", "45", new BigDecimal("100"), null), new Adjustment("PR", "3", new BigDecimal("50"), null)), List.of());
    postAndAwait(file(advice("TRN-RF", List.of(paid), List.of())));
    var finance = given().auth().preemptive().basic("finance", "it-finance");
    // the claim on the day before the payment still owed everything; at the payment date, only the patient's 50
    finance.get("/api/ledger/balances?by=CLAIM&key=" + claim + "&account=1110&asOf=2026-11-25").then().statusCode(200)
        .body("[0].balance", org.hamcrest.Matchers.equalTo(500.0f));
    given().auth().preemptive().basic("finance", "it-finance")
        .get("/api/ledger/balances?by=CLAIM&key=" + claim + "&account=1120&asOf=2026-11-26").then().statusCode(200)
        .body("[0].balance", org.hamcrest.Matchers.equalTo(50.0f));
    given().auth().preemptive().basic("finance", "it-finance").get("/api/ledger/balances?by=PAYER&asOf=2099-12-31")
        .then().statusCode(200).body("key", org.hamcrest.Matchers.hasItem("MCR"));
    given().auth().preemptive().basic("billing", "it-billing").get("/api/ledger/balances").then().statusCode(403);

    var rollForward = given().auth().preemptive().basic("finance", "it-finance")
        .get("/api/ledger/receivables-roll-forward?from=2026-11-01&to=2026-11-30").then().statusCode(200).extract().jsonPath();
    assertThat(rollForward.getBoolean("tiesOut")).isTrue();
    // closing is read from the ledger on its own: the receivable accounts' balances at the end of the period
    BigDecimal receivables = jdbc.sql("""
        select coalesce(sum(l.debit - l.credit), 0) from journal_line l join journal_entry e on e.id = l.entry_id
        join ledger_account a on a.code = l.account_code
        where e.entry_date <= date '2026-11-30' and (a.code in ('1110', '1120') or a.parent_code = '1110')""").query(BigDecimal.class).single();
    assertThat(new BigDecimal(rollForward.getString("closing"))).isEqualByComparingTo(receivables);
    assertThat(new BigDecimal(rollForward.getString("payments"))).isGreaterThanOrEqualTo(new BigDecimal("350.00"));
    given().auth().preemptive().basic("finance", "it-finance")
        .get("/api/ledger/receivables-roll-forward?from=2026-11-30&to=2026-11-01").then().statusCode(400);
  }

  @Test
  void financeMapsAPayersReasonCodeToAnAccountAndTheNextFilePostsThere() {
    given().auth().preemptive().basic("finance", "it-finance").contentType("application/json")
        .body(Map.of("payerId", "MCD", "groupCode", "CO", "reasonCode", "45", "accountCode", "1010"))
        .put("/api/ledger/adjustment-accounts").then().statusCode(400).contentType("application/problem+json");
    given().auth().preemptive().basic("billing", "it-billing").contentType("application/json")
        .body(Map.of("payerId", "MCD", "groupCode", "CO", "reasonCode", "45", "accountCode", "4120"))
        .put("/api/ledger/adjustment-accounts").then().statusCode(403);
    given().auth().preemptive().basic("finance", "it-finance").contentType("application/json")
        .body(Map.of("payerId", "MCD", "groupCode", "CO", "reasonCode", "45", "accountCode", "4120"))
        .put("/api/ledger/adjustment-accounts").then().statusCode(200)
        .body("changedBy", org.hamcrest.Matchers.equalTo("finance"));
    UUID claim = seedClaim("MAP-1", "MCD", "100.00", "MAPMEMBER", LocalDate.of(2026, 11, 4));
    ClaimPayment paid = RemittanceSamples.claim("MAP-1", "1", "100", "60",
        List.of(new Adjustment("CO", "45", new BigDecimal("40"), null)), List.of());
    RemittanceAdvice advice = advice("TRN-MAP", List.of(paid), List.of());
    RemittanceAdvice fromMedicaid = new RemittanceAdvice(new RemittanceHeader(null, "I", advice.header().totalPayment(), "C", "ACH",
        advice.header().paymentDate(), "TRN-MAP", "1999999999", advice.header().productionDate(),
        new RemittanceHeader.Party("STATE MEDICAID", null, null, null, null, null, null, Map.of("2U", "MCD")), advice.header().payee()),
        advice.claims(), advice.providerAdjustments());
    postAndAwait(file(fromMedicaid));
    assertThat(claimNet(claim, "4120")).isEqualByComparingTo("40.00");
    assertThat(claimNet(claim, "1112")).as("Medicaid receivable").isEqualByComparingTo("0.00");
  }

  // --- people ---------------------------------------------------------------------------------------------

  @Test
  void anUnmatchedClaimWaitsInUnappliedCashUntilABillingSpecialistAppliesIt() {
    UUID claim = seedClaim("REAL-PCN-1", "CMA", "249.50", "UNMEMBER", LocalDate.of(2026, 11, 3));
    ClaimPayment typo = RemittanceSamples.claim("REAL-PCN-X", "1", "249.50", "200",
        List.of(new Adjustment("CO", "45", new BigDecimal("49.50"), null)), List.of());
    UUID fileId = postAndAwait(file(advice("TRN-UNM", List.of(typo), List.of())));
    assertThat(accountTotals(fileId)).containsEntry("2110", new BigDecimal("-200.00"));

    Task task = awaitTask(fileId, "UnmatchedRemittance");
    assertThat(task.getDueDate()).isNotNull();
    assertThat((String) tasks.getVariable(task.getId(), "unmatchedSummary")).contains("REAL-PCN-X").contains("paid 200");
    tasks.complete(task.getId(), Map.of("unmatchedResolution", "APPLY", "applyToPatientControlNumber", "NO-SUCH-CLAIM"));
    Task again = awaitTask(fileId, "UnmatchedRemittance");
    assertThat((String) tasks.getVariable(again.getId(), "applyProblem")).contains("NO-SUCH-CLAIM");
    tasks.complete(again.getId(), Map.of("unmatchedResolution", "APPLY", "applyToPatientControlNumber", "REAL-PCN-1"));

    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(fileId.toString()).count()).isZero();
    assertThat(claimNet(claim, "1010")).isEqualByComparingTo("200.00");
    assertThat(claimNet(claim, "1113")).isEqualByComparingTo("0.00");
    BigDecimal unapplied = jdbc.sql("""
        select coalesce(sum(l.debit - l.credit), 0) from journal_line l join journal_entry e on e.id = l.entry_id
        where l.account_code = '2110' and e.source_ref like 'TRN-UNM/%'""").query(BigDecimal.class).single();
    assertThat(unapplied).isEqualByComparingTo("0.00");
  }

  @Test
  void anOutOfBalanceFileOpensARemittanceExceptionAndPostsNothing() {
    List<String> pcns = seedClaims("OOB", 2);
    String text = new String(file(advice("TRN-OOB", pcns)), StandardCharsets.ISO_8859_1).replace("*OOB-1*1*100*70*", "*OOB-1*1*100*71*");
    String fileId = given().auth().preemptive().basic("finance", "it-finance").contentType("application/edi-x12")
        .body(text.getBytes(StandardCharsets.ISO_8859_1)).post("/api/remittances")
        .then().statusCode(422).extract().path("fileId");
    Task task = awaitTask(UUID.fromString(fileId), "RemittanceException");
    assertThat(task.getDueDate()).isNotNull();
    assertThat((String) tasks.getVariable(task.getId(), "problemSummary")).contains("CLAIM_NOT_BALANCED");
    assertThat(jdbc.sql("select count(*) from journal_entry where trace_number = 'TRN-OOB'").query(Integer.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from remittance_claim where trace_number = 'TRN-OOB'").query(Integer.class).single()).isZero();
    tasks.complete(task.getId(), Map.of("exceptionNote", "corrected file requested"));
  }

  // --- line by line, split across files, coordination of benefits -------------------------------------------

  @Test
  void eachServiceLinePostsAgainstItsClaimLineAndTheClaimShowsPerLineAmounts() {
    UUID claim = seedClaimWithLines("LINE-1", "CMA", "LINEMEMBER", LocalDate.of(2026, 11, 5), "99214", "185.00", "80053", "64.50",
        "36415", "20.00");
    ClaimPayment paid = RemittanceSamples.claim("LINE-1", "1", "269.50", "160", List.of(), List.of(
        svc("99214", "185.00", "120.00", "1", cas("CO", "45", "45.00"), cas("PR", "2", "20.00")),
        // no REF*6R: the procedure code and charge find line 2
        svc("80053", "64.50", "40.00", null, cas("CO", "45", "14.50"), cas("PR", "3", "10.00")),
        svc("36415", "20.00", "0.00", "3", cas("CO", "97", "20.00"))));
    UUID fileId = postAndAwait(file(advice("TRN-LINE", List.of(paid), List.of())));
    assertThat(cashFor(fileId)).isEqualByComparingTo("160.00");
    assertThat(claimLineNet(claim, 1, "1010")).isEqualByComparingTo("120.00");
    assertThat(claimLineNet(claim, 2, "1120")).isEqualByComparingTo("10.00");
    assertThat(claimLineNet(claim, 3, "4110")).isEqualByComparingTo("20.00");
    assertThat(jdbc.sql("""
        select distinct l.service_ref from journal_line l join journal_entry e on e.id = l.entry_id
        where e.source_file_id = ? and l.claim_line_number = 1""").param(fileId).query(String.class).list())
        .containsExactly("SVC 1 99214 6R 1");
    assertThat(jdbc.sql("select claim_line_number from remittance_service_line s join remittance_claim r on r.id = s.remittance_id"
        + " where r.file_id = ? order by line_sequence").param(fileId).query(Integer.class).list()).containsExactly(1, 2, 3);

    var view = given().auth().preemptive().basic("billing", "it-billing").get("/api/claims/" + claim)
        .then().statusCode(200).extract().jsonPath();
    assertThat(view.getFloat("lines[0].amounts.charge")).isEqualTo(185.0f);
    assertThat(view.getFloat("lines[0].amounts.payerPaid")).isEqualTo(120.0f);
    assertThat(view.getFloat("lines[0].amounts.contractualAdjustments")).isEqualTo(45.0f);
    assertThat(view.getFloat("lines[0].amounts.patientResponsibility")).isEqualTo(20.0f);
    assertThat(view.getFloat("lines[1].amounts.patientResponsibility")).isEqualTo(10.0f);
    assertThat(view.getFloat("lines[2].amounts.contractualAdjustments")).isEqualTo(20.0f);
    assertThat(view.getList("lines.amounts.insuranceBalance", Float.class)).containsOnly(0.0f);
    assertThat(view.getFloat("claimLevelAmounts.payerPaid")).isEqualTo(0.0f);
    assertThat(view.getFloat("amounts.payerPaid")).isEqualTo(160.0f);
  }

  @Test
  void aClaimPaidInTwoFilesAddsUpAndItsProcessWakesOnlyWhenNothingIsLeftWithThePayer() {
    UUID claim = seedClaimWithLines("SPLIT-1", "CMA", "SPLITMEMBER", LocalDate.of(2026, 11, 6), "99214", "185.00", "80053",
        "64.50", "36415", "20.00");
    String instance = awaitingRemittance("SPLIT-1", claim);

    // the payer decides lines 1 and 2 now (its CLP carries their charges only) and line 3 later
    ClaimPayment first = RemittanceSamples.claim("SPLIT-1", "1", "249.50", "160", List.of(), List.of(
        svc("99214", "185.00", "120.00", "1", cas("CO", "45", "45.00"), cas("PR", "2", "20.00")),
        svc("80053", "64.50", "40.00", "2", cas("CO", "45", "14.50"), cas("PR", "3", "10.00"))));
    postAndAwait(file(advice("TRN-SPLIT-1", List.of(first), List.of())));
    assertThat(claimInsuranceBalance(claim)).as("line 3 still with the payer").isEqualByComparingTo("20.00");
    assertThat(claimLineNet(claim, 3, "1113")).isEqualByComparingTo("20.00");
    assertThat(runtime.createExecutionQuery().processInstanceId(instance).activityId("AwaitRemittance").count())
        .as("a partly adjudicated claim keeps waiting: no statement, no closing").isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from claim_event where claim_id = ? and outcome = 'PARTIALLY_ADJUDICATED'")
        .param(claim).query(Integer.class).single()).isEqualTo(1);

    ClaimPayment rest = RemittanceSamples.claim("SPLIT-1", "1", "20.00", "18", List.of(), List.of(
        svc("36415", "20.00", "18.00", "3", cas("CO", "45", "2.00"))));
    RemittanceAdvice restAdvice = advice("TRN-SPLIT-2", List.of(rest), List.of());
    UUID second = postAndAwait(file(restAdvice));
    assertThat(claimInsuranceBalance(claim)).isEqualByComparingTo("0.00");
    assertThat(claimNet(claim, "1010")).isEqualByComparingTo("178.00");
    assertThat(claimNet(claim, "1120")).isEqualByComparingTo("30.00");
    assertThat(claimLineNet(claim, 3, "1010")).isEqualByComparingTo("18.00");
    await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0);
    // the process took the decision that completed the claim; the first was posted by its file alone
    assertThat(jdbc.sql("select count(*) from remittance_claim where claim_id = ? and correlated_at is null")
        .param(claim).query(Integer.class).single()).isZero();

    // the rest again, in a new envelope: nothing posts twice
    int entries = jdbc.sql("select count(*) from journal_entry where claim_id = ?").param(claim).query(Integer.class).single();
    UUID again = postAndAwait(file(restAdvice));
    assertThat(again).isNotEqualTo(second);
    assertThat(files(again).get("alreadyTaken")).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from journal_entry where claim_id = ?").param(claim).query(Integer.class).single())
        .isEqualTo(entries);
    assertThat(claimNet(claim, "1010")).isEqualByComparingTo("178.00");
  }

  @Test
  void aSecondaryPayerHoldsWhatThePrimaryLeftToThePatientInItsOwnReceivableUntilItPays() {
    UUID claim = seedClaimWithLines("COB-1", "MCR", "COBMEMBER", LocalDate.of(2026, 11, 9), "99213", "100.00");
    var billing = given().auth().preemptive().basic("billing", "it-billing").contentType("application/json");
    billing.body(List.of(Map.of("payerId", "NOPE"))).put("/api/claims/" + claim + "/other-coverage").then().statusCode(400)
        .contentType("application/problem+json").body(org.hamcrest.Matchers.containsString("coverages[0].payerId"));
    given().auth().preemptive().basic("billing", "it-billing").contentType("application/json")
        .body(List.of(Map.of("payerId", "MCR"))).put("/api/claims/" + claim + "/other-coverage").then().statusCode(400);
    given().auth().preemptive().basic("denials", "it-denials").contentType("application/json")
        .body(List.of(Map.of("payerId", "CMB"))).put("/api/claims/" + claim + "/other-coverage").then().statusCode(403);
    given().auth().preemptive().basic("billing", "it-billing").contentType("application/json")
        .body(List.of(Map.of("payerId", "CMB", "memberId", "CMBSECOND"))).put("/api/claims/" + claim + "/other-coverage")
        .then().statusCode(200).body("[0].payerId", org.hamcrest.Matchers.equalTo("CMB"));
    String instance = awaitingRemittance("COB-1", claim);

    ClaimPayment primary = RemittanceSamples.claim("COB-1", "1", "100.00", "60", List.of(), List.of(
        svc("99213", "100.00", "60.00", "1", cas("CO", "45", "20.00"), cas("PR", "1", "20.00"))));
    postAndAwait(file(advice("TRN-COB-1", "MCR", List.of(primary), List.of())));
    assertThat(claimNet(claim, "1111")).as("Medicare is done").isEqualByComparingTo("0.00");
    assertThat(claimNet(claim, "1113")).as("the commercial secondary holds the patient's share").isEqualByComparingTo("20.00");
    assertThat(claimNet(claim, "1120")).as("the patient owes nothing yet").isEqualByComparingTo("0.00");
    assertThat(payerBalance("CMB", claim)).isEqualByComparingTo("20.00");
    assertThat(payerBalance("MCR", claim)).isEqualByComparingTo("0.00");
    assertThat(runtime.createExecutionQuery().processInstanceId(instance).activityId("AwaitRemittance").count())
        .as("the claim waits for its secondary").isEqualTo(1);

    ClaimPayment secondary = RemittanceSamples.claim("COB-1", "2", "100.00", "15", List.of(), List.of(
        svc("99213", "100.00", "15.00", "1", cas("OA", "23", "80.00"), cas("CO", "45", "5.00"))));
    postAndAwait(file(advice("TRN-COB-2", "CMB", List.of(secondary), List.of())));
    assertThat(claimNet(claim, "1113")).isEqualByComparingTo("0.00");
    assertThat(payerBalance("CMB", claim)).isEqualByComparingTo("0.00");
    assertThat(claimLineNet(claim, 1, "1010")).isEqualByComparingTo("75.00");
    assertThat(claimLineNet(claim, 1, "4110")).isEqualByComparingTo("25.00");
    await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0);
    // balances by payer, as finance sees them
    List<String> payers = given().auth().preemptive().basic("finance", "it-finance")
        .get("/api/ledger/balances?by=PAYER&account=1110&asOf=2099-12-31").then().statusCode(200).extract().path("key");
    assertThat(payers).contains("MCR", "CMB");
  }

  @Test
  void anEncounterWithSecondaryCoverageRecordsItSoThePrimarysPostingMovesThePatientShareToTheSecondary() {
    String body = """
        {"sourceSystem": "it-ehr", "sourceId": "COB-INTAKE-1", "facilityId": "C07", "encounterClass": "AMBULATORY",
         "serviceDate": "2026-11-10",
         "patient": {"mrn": "COB-M1", "familyName": "Doe", "givenName": "Sam", "birthDate": "1961-05-14", "sex": "F"},
         "coverage": {"payerId": "CMA", "memberId": "LMH123456700", "relationship": "SELF"},
         "otherCoverages": [{"payerId": "CMB", "memberId": "TG1234567-01", "relationship": "SELF"}],
         "diagnoses": ["I10"],
         "charges": [{"procedureCode": "99214", "units": 1, "amount": "185.00"}]}""";
    var created = given().auth().preemptive().basic("ehr", "it-ehr").contentType("application/json").body(body)
        .post("/api/encounters").then().statusCode(201).extract();
    // (member id ending 00: the sandbox payer says inactive, so the claim stops at registration and
    // the only 835 for it is the one this test sends)
    UUID claim = UUID.fromString(created.path("claimId"));
    String pcn = created.path("patientControlNumber");
    given().auth().preemptive().basic("finance", "it-finance").get("/api/claims/" + claim + "/other-coverage").then()
        .statusCode(200).body("payerId", org.hamcrest.Matchers.contains("CMB"))
        .body("memberId", org.hamcrest.Matchers.contains("TG1234567-01"));

    // the primary pays and leaves 30.00 to the patient: it goes to the secondary, with no manual step
    ClaimPayment primary = RemittanceSamples.claim(pcn, "1", "185.00", "120", List.of(), List.of(
        svc("99214", "185.00", "120.00", "1", cas("CO", "45", "35.00"), cas("PR", "2", "30.00"))));
    postAndAwait(file(advice("TRN-COB-INTAKE-1", "CMA", List.of(primary), List.of())));
    assertThat(payerBalance("CMB", claim)).as("the secondary's receivable").isEqualByComparingTo("30.00");
    assertThat(payerBalance("CMA", claim)).isEqualByComparingTo("0.00");
    assertThat(claimNet(claim, "1120")).as("the patient owes nothing yet").isEqualByComparingTo("0.00");

    // a secondary the master data does not know is not recorded: the registration check shows it to a person
    var unknown = given().auth().preemptive().basic("ehr", "it-ehr").contentType("application/json")
        .body(body.replace("COB-INTAKE-1", "COB-INTAKE-2").replace("\"payerId\": \"CMB\"", "\"payerId\": \"NOPE\""))
        .post("/api/encounters").then().statusCode(201).extract();
    UUID unknownClaim = UUID.fromString(unknown.path("claimId"));
    given().auth().preemptive().basic("finance", "it-finance").get("/api/claims/" + unknownClaim + "/other-coverage")
        .then().statusCode(200).body("$", org.hamcrest.Matchers.empty());
    assertThat(jdbc.sql("""
        select count(*) from encounter_finding f join claim c on c.encounter_id = f.encounter_id
        where c.id = ? and f.field = 'otherCoverages[0].payerId'""").param(unknownClaim).query(Integer.class).single())
        .isEqualTo(1);
  }

  // --- helpers ----------------------------------------------------------------------------------------------

  /** The claim's adjudication stage, waiting for its remittance as encounter to cash starts it. */
  private String awaitingRemittance(String pcn, UUID claimId) {
    String id = runtime.startProcessInstanceByKey("adjudication", pcn, Map.of("claimId", claimId.toString(),
        "payerLateAfter", "P30D")).getId();
    assertThat(runtime.createExecutionQuery().processInstanceId(id).activityId("AwaitRemittance").count()).isEqualTo(1);
    return id;
  }

  private static ServicePayment svc(String code, String charge, String paid, String lineControlNumber, Adjustment... cas) {
    return new ServicePayment("HC", code, List.of(), new BigDecimal(charge), new BigDecimal(paid), null, null, null, null,
        LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 2), lineControlNumber, Map.of(), List.of(), List.of(cas), null);
  }

  private static Adjustment cas(String group, String reason, String amount) {
    return new Adjustment(group, reason, new BigDecimal(amount), null);
  }

  private BigDecimal claimLineNet(UUID claimId, int line, String account) {
    return jdbc.sql("""
        select coalesce(sum(l.debit - l.credit), 0) from journal_line l join journal_entry e on e.id = l.entry_id
        where e.claim_id = ? and l.claim_line_number = ? and l.account_code = ?""").params(claimId, line, account)
        .query(BigDecimal.class).single();
  }

  private BigDecimal claimInsuranceBalance(UUID claimId) {
    return jdbc.sql("""
        select coalesce(sum(l.debit - l.credit), 0) from journal_line l join journal_entry e on e.id = l.entry_id
        join ledger_account a on a.code = l.account_code where e.claim_id = ? and coalesce(a.parent_code, a.code) = '1110'""")
        .param(claimId).query(BigDecimal.class).single();
  }

  /** One claim's insurance receivable held by one payer, as the balances-by-payer report groups it. */
  private BigDecimal payerBalance(String payerId, UUID claimId) {
    return jdbc.sql("""
        select coalesce(sum(l.debit - l.credit), 0) from journal_line l join journal_entry e on e.id = l.entry_id
        join ledger_account a on a.code = l.account_code left join claim c on c.id = e.claim_id
        where e.claim_id = ? and coalesce(a.parent_code, a.code) = '1110'
          and coalesce(l.payer_id, e.payer_id, c.payer_id) = ?""").params(claimId, payerId).query(BigDecimal.class).single();
  }

  /** A claim with its billed lines (code, charge pairs), its charges posted line by line as intake posts them. */
  private UUID seedClaimWithLines(String pcn, String payerId, String memberId, LocalDate serviceDate, String... codeAndCharge) {
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 1; i < codeAndCharge.length; i += 2) {
      total = total.add(new BigDecimal(codeAndCharge[i]));
    }
    UUID claim = seedClaim(pcn, payerId, total.toPlainString(), memberId, serviceDate, false);
    List<JournalLine> charges = new ArrayList<>();
    for (int i = 0; i < codeAndCharge.length; i += 2) {
      int line = i / 2 + 1;
      BigDecimal charge = new BigDecimal(codeAndCharge[i + 1]);
      jdbc.sql("""
          insert into claim_line (claim_id, line_number, procedure_code, units, charge, service_date) values (?, ?, ?, 1, ?, ?)""")
          .params(claim, line, codeAndCharge[i], charge, serviceDate).update();
      charges.add(JournalLine.signed("1110", charge, "line " + line, null, line, null, null));
      charges.add(JournalLine.signed("4010", charge.negate(), "line " + line, null, line, null, null));
    }
    ledger.post(new JournalEntry(UUID.randomUUID(), serviceDate, "Charges for claim " + pcn, "CHARGE", pcn, claim, "it",
        "charge:" + pcn, charges));
    return claim;
  }


  private RemittanceFiles.Taken receive(byte[] file) {
    return files.receive(file, "it");
  }

  private UUID postAndAwait(byte[] file) {
    RemittanceFiles.Taken taken = receive(file);
    awaitPosted(taken.fileId());
    return taken.fileId();
  }

  private void awaitPosted(UUID fileId) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
        "POSTED".equals(jdbc.sql("select status from remittance_file where id = ?").param(fileId).query(String.class).single()));
    Integer ms = jdbc.sql("select posting_millis from remittance_file where id = ?").param(fileId).query(Integer.class).single();
    assertThat(ms).as("posting cycle time recorded").isNotNull().isNotNegative();
  }

  private Map<String, Object> files(UUID fileId) {
    return given().auth().preemptive().basic("finance", "it-finance").get("/api/remittances/" + fileId)
        .then().statusCode(200).extract().jsonPath().getMap("");
  }

  private Job failedJob(UUID fileId) {
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(fileId.toString()).singleResult().getId();
    return management.createJobQuery().processInstanceId(instance).withException().singleResult();
  }

  private Task awaitTask(UUID fileId, String key) {
    await().atMost(Duration.ofSeconds(30)).until(() ->
        tasks.createTaskQuery().processInstanceBusinessKey(fileId.toString()).taskDefinitionKey(key).count() == 1);
    return tasks.createTaskQuery().processInstanceBusinessKey(fileId.toString()).taskDefinitionKey(key).singleResult();
  }

  /** Net (debit − credit) per account of every entry that came from the file. */
  private Map<String, BigDecimal> accountTotals(UUID fileId) {
    Map<String, BigDecimal> totals = new TreeMap<>();
    jdbc.sql("""
        select l.account_code, sum(l.debit - l.credit) from journal_line l join journal_entry e on e.id = l.entry_id
        where e.source_file_id = ? group by l.account_code""").param(fileId)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2))).list()
        .forEach(e -> totals.put(e.getKey(), e.getValue()));
    return totals;
  }

  private BigDecimal cashFor(UUID fileId) {
    return accountTotals(fileId).getOrDefault("1010", BigDecimal.ZERO);
  }

  private BigDecimal claimNet(UUID claimId, String account) {
    return jdbc.sql("""
        select coalesce(sum(l.debit - l.credit), 0) from journal_line l join journal_entry e on e.id = l.entry_id
        where e.claim_id = ? and l.account_code = ?""").params(claimId, account).query(BigDecimal.class).single();
  }

  /** A claim as if the encounter had come in: patient, encounter, claim, and its charges on the ledger. */
  private UUID seedClaim(String pcn, String payerId, String charge, String memberId, LocalDate serviceDate) {
    return seedClaim(pcn, payerId, charge, memberId, serviceDate, true);
  }

  private UUID seedClaim(String pcn, String payerId, String charge, String memberId, LocalDate serviceDate, boolean postCharges) {
    UUID patient = UUID.randomUUID();
    UUID encounter = UUID.randomUUID();
    UUID claim = UUID.randomUUID();
    jdbc.sql("""
        insert into patient (id, source_system, mrn, family_name, given_name, birth_date, sex)
        values (?, 'it', ?, 'Testperson', 'Alex', date '1970-01-01', 'F')""").params(patient, "MRN-" + patient).update();
    jdbc.sql("""
        insert into encounter (id, source_system, source_id, facility_id, patient_id, encounter_class, service_date, received_at)
        values (?, 'it', ?, 'C07', ?, 'AMBULATORY', ?, current_timestamp)""").params(encounter, "ENC-" + encounter, patient, serviceDate).update();
    jdbc.sql("""
        insert into claim (id, patient_control_number, encounter_id, claim_type, payer_id, member_id, status, total_charge,
          created_at, updated_at) values (?, ?, ?, 'PROFESSIONAL', ?, ?, 'SUBMITTED', ?, current_timestamp, current_timestamp)""")
        .params(claim, pcn, encounter, payerId, memberId, new BigDecimal(charge)).update();
    if (postCharges) {
      ledger.post(new JournalEntry(UUID.randomUUID(), serviceDate, "Charges for claim " + pcn, "CHARGE", pcn, claim, "it",
          "charge:" + pcn, List.of(JournalLine.debit("1110", new BigDecimal(charge), null), JournalLine.credit("4010", new BigDecimal(charge), null))));
    }
    return claim;
  }

  private List<String> seedClaims(String prefix, int n) {
    List<String> pcns = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      String pcn = prefix + "-" + i;
      seedClaim(pcn, i % 3 == 0 ? "MCR" : "CMA", "100.00", "M" + prefix + i, LocalDate.of(2026, 11, 2));
      pcns.add(pcn);
    }
    return pcns;
  }

  /** Each claim: charge 100, paid 70, CO-45 20, PR-2 10 (the last of every ten a denial); a PLB for interest. */
  private RemittanceAdvice advice(String trace, List<String> pcns) {
    List<ClaimPayment> claims = new ArrayList<>();
    for (int i = 0; i < pcns.size(); i++) {
      claims.add(i % 10 == 9
          ? RemittanceSamples.claim(pcns.get(i), "4", "100", "0", List.of(new Adjustment("CO", "50", new BigDecimal("100"), null)), List.of())
          : RemittanceSamples.claim(pcns.get(i), "1", "100", "70", List.of(new Adjustment("CO", "45", new BigDecimal("20"), null),
              new Adjustment("PR", "2", new BigDecimal("10"), null)), List.of()));
    }
    return advice(trace, claims, List.of(new ProviderAdjustment("1234567893", LocalDate.of(2026, 12, 31),
        List.of(new ProviderAdjustment.Item("L6", null, new BigDecimal("-3.25"))))));
  }

  private RemittanceAdvice advice(String trace, List<ClaimPayment> claims, List<ProviderAdjustment> plb) {
    return advice(trace, "CMA", claims, plb);
  }

  private RemittanceAdvice advice(String trace, String payerId, List<ClaimPayment> claims, List<ProviderAdjustment> plb) {
    BigDecimal paid = claims.stream().map(ClaimPayment::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal plbTotal = plb.stream().map(ProviderAdjustment::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    RemittanceHeader header = new RemittanceHeader(null, "I", paid.subtract(plbTotal), "C", "ACH", LocalDate.of(2026, 11, 26),
        trace, "1999999999", LocalDate.of(2026, 11, 25),
        new RemittanceHeader.Party("SANDBOX PAYER " + payerId, null, null, "1 PAYER WAY", "HARTFORD", "CT", "06101",
            Map.of("2U", payerId)),
        new RemittanceHeader.Party("REGIONAL MEDICAL CENTER", "XX", "1234567893", null, null, null, null, Map.of("TJ", "123456789")));
    return new RemittanceAdvice(header, claims, plb);
  }

  private byte[] file(RemittanceAdvice advice) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RemittanceAdviceWriter.writeFile(out, InterchangeParties.of("SANDBOXPAYER", "REVCYCLE", 'T'), controlNumbers,
        Clock.systemUTC(), List.of(advice));
    return out.toByteArray();
  }
}
