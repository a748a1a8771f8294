package org.revcycle.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revcycle.support.LedgerInvariants;
import org.revcycle.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The ledger on PostgreSQL: balanced entries only, posted once, bad input named. */
class LedgerApiIT extends PostgresIntegrationTest {

  @Autowired JdbcClient jdbc;

  @AfterEach
  void ledgerInvariantsHold() {
    LedgerInvariants.assertHold(jdbc);
  }

  private static final String BALANCED = """
      {"entryDate":"2026-11-02","description":"Reclass small balance","reference":"ADJ-7",
       "lines":[{"accountCode":"1120","debit":"12.34"},{"accountCode":"4130","credit":"12.34"}]}""";

  private RequestSpecification finance(String idempotencyKey) {
    return given().auth().preemptive().basic("finance", "it-finance")
        .contentType("application/json").header("Idempotency-Key", idempotencyKey);
  }

  @Test
  void aBalancedEntryPostsOnceAndTheTrialBalanceStaysBalanced() {
    String key = UUID.randomUUID().toString();
    String id = finance(key).body(BALANCED).post("/api/ledger/journal-entries")
        .then().statusCode(201).header("Location", containsString("/api/ledger/journal-entries/"))
        .body("lines[0].debit", equalTo(12.34f)).extract().path("id");
    finance(key).body(BALANCED).post("/api/ledger/journal-entries")
        .then().statusCode(200).body("id", equalTo(id));

    given().auth().preemptive().basic("finance", "it-finance").get("/api/ledger/trial-balance?asOf=2026-12-31")
        .then().statusCode(200).body("balanced", equalTo(true));
  }

  @Test
  void unbalancedEntriesAreRefusedAndNothingIsPosted() {
    String key = UUID.randomUUID().toString();
    finance(key).body(BALANCED.replace("\"credit\":\"12.34\"", "\"credit\":\"12.33\""))
        .post("/api/ledger/journal-entries")
        .then().statusCode(400).contentType("application/problem+json")
        .body("field", equalTo("lines")).body("detail", containsString("debits 12.34, credits 12.33"));
    // the same key with a correct body now posts: the refused attempt left nothing behind
    finance(key).body(BALANCED).post("/api/ledger/journal-entries").then().statusCode(201);
  }

  @Test
  void badInputIsNamedByFieldAndPosition() {
    finance(UUID.randomUUID().toString()).body("{\"entryDate\": \"2026-11-02\", \"lines\": [")
        .post("/api/ledger/journal-entries")
        .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("line 1, column"));
    finance(UUID.randomUUID().toString()).body(BALANCED.replace("2026-11-02", "2026-02-30"))
        .post("/api/ledger/journal-entries")
        .then().statusCode(400).body("field", equalTo("entryDate"));
    finance(UUID.randomUUID().toString()).body(BALANCED.replace("\"1120\"", "\"9999\""))
        .post("/api/ledger/journal-entries")
        .then().statusCode(400).body("field", equalTo("lines[0].accountCode"));
    finance(UUID.randomUUID().toString()).body(BALANCED.replace("\"description\":\"Reclass small balance\",", ""))
        .post("/api/ledger/journal-entries")
        .then().statusCode(400).body("errors[0].field", equalTo("description"));
    given().auth().preemptive().basic("finance", "it-finance").contentType("application/json").body(BALANCED)
        .post("/api/ledger/journal-entries")
        .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("Idempotency-Key"));
    finance(UUID.randomUUID().toString()).body(BALANCED.replace("Reclass small balance", "x".repeat(300)))
        .post("/api/ledger/journal-entries")
        .then().statusCode(400).body("errors[0].field", equalTo("description"));
    finance(UUID.randomUUID().toString()).body(BALANCED.replace("\"debit\":\"12.34\"", "\"debit\":\"12.345\""))
        .post("/api/ledger/journal-entries")
        .then().statusCode(400).body("field", equalTo("lines[0].debit"));
    finance("k".repeat(200)).body(BALANCED).post("/api/ledger/journal-entries")
        .then().statusCode(400).body("field", equalTo("Idempotency-Key"));
    finance(UUID.randomUUID().toString()).body("{\"entryDate\":\"2026-11-02\",\"description\":\"d\",\"reference\":\"r\",\"lines\":[null]}")
        .post("/api/ledger/journal-entries")
        .then().statusCode(400);
    given().auth().preemptive().basic("finance", "it-finance").get("/api/ledger/journal-entries/not-a-uuid")
        .then().statusCode(400).body("field", equalTo("id"));
    given().auth().preemptive().basic("finance", "it-finance").get("/api/ledger/journal-entries/" + UUID.randomUUID())
        .then().statusCode(404).contentType("application/problem+json");
  }

  @Test
  void theJournalExportFileBalancesAndReadsBackAsTheLedger() {
    // a period of its own (other tests post elsewhere in time): three entries, memos that need quoting
    List<String> ids = new ArrayList<>();
    String[][] entries = {
        {"2031-03-02", "1120", "4130", "100.00", "reclass, per audit"},
        {"2031-03-15", "4130", "1120", "40.25", "says \\\"see note\\\""},
        {"2031-03-31", "1120", "4130", "0.01", "=1+1"}};
    for (String[] e : entries) {
      String body = """
          {"entryDate":"%s","description":"CSV export check","reference":"CSV-1",
           "lines":[{"accountCode":"%s","debit":"%s","memo":"%s"},{"accountCode":"%s","credit":"%s"}]}"""
          .formatted(e[0], e[1], e[3], e[4], e[2], e[3]);
      ids.add(finance(UUID.randomUUID().toString()).body(body).post("/api/ledger/journal-entries")
          .then().statusCode(201).extract().path("id"));
    }
    finance(UUID.randomUUID().toString()).body(BALANCED.replace("2026-11-02", "2031-04-01"))
        .post("/api/ledger/journal-entries").then().statusCode(201);

    String csv = given().auth().preemptive().basic("finance", "it-finance")
        .get("/api/ledger/export?from=2031-03-01&to=2031-03-31")
        .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();

    List<List<String>> rows = parseCsv(csv);
    assertThat(rows.get(0)).isEqualTo(JournalExportFile.COLUMNS);
    List<Map<String, String>> lines = rows.subList(1, rows.size()).stream().map(r -> {
      assertThat(r).hasSameSizeAs(JournalExportFile.COLUMNS);
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < r.size(); i++) {
        m.put(JournalExportFile.COLUMNS.get(i), r.get(i));
      }
      return m;
    }).toList();
    assertThat(lines).hasSize(6).extracting(m -> m.get("entry_id")).containsOnly(ids.toArray(String[]::new));
    BigDecimal debits = lines.stream().map(m -> new BigDecimal(m.get("debit"))).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal credits = lines.stream().map(m -> new BigDecimal(m.get("credit"))).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(debits).isEqualByComparingTo("140.26").isEqualByComparingTo(credits);

    // read back: every entry in the file is the entry in the ledger, line for line
    for (String id : ids) {
      List<Map<String, String>> fileLines = lines.stream().filter(m -> m.get("entry_id").equals(id)).toList();
      List<Map<String, Object>> ledgerLines = given().auth().preemptive().basic("finance", "it-finance")
          .get("/api/ledger/journal-entries/" + id).then().statusCode(200).extract().path("lines");
      assertThat(fileLines).hasSize(ledgerLines.size());
      for (int i = 0; i < fileLines.size(); i++) {
        Map<String, String> f = fileLines.get(i);
        Map<String, Object> l = ledgerLines.get(i);
        assertThat(f.get("account")).isEqualTo(l.get("accountCode"));
        assertThat(new BigDecimal(f.get("debit"))).isEqualByComparingTo(l.get("debit").toString());
        assertThat(new BigDecimal(f.get("credit"))).isEqualByComparingTo(l.get("credit").toString());
        assertThat(f.get("memo")).isEqualTo(l.get("memo") == null ? "" : l.get("memo"));
        assertThat(f.get("source_type")).isEqualTo("MANUAL");
      }
    }
    assertThat(lines).extracting(m -> m.get("memo")).contains("reclass, per audit", "says \"see note\"", "=1+1");

    given().auth().preemptive().basic("finance", "it-finance").get("/api/ledger/export?from=2031-03-31&to=2031-03-01")
        .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("to"));
    given().auth().preemptive().basic("billing", "it-billing").get("/api/ledger/export?from=2031-03-01&to=2031-03-31")
        .then().statusCode(403);
  }

  /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
  private static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    assertThat(field).as("the file ends with a line break").isEmpty();
    return rows;
  }
}
