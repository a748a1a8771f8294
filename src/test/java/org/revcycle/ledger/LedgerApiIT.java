package org.revcycle.ledger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.revcycle.support.PostgresIntegrationTest;

/** The ledger on PostgreSQL: balanced entries only, posted once, bad input named. */
class LedgerApiIT extends PostgresIntegrationTest {

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
}
