package org.revcycle.remittance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revcycle.support.LedgerInvariants;
import org.revcycle.support.PostgresIntegrationTest;
import org.revcycle.x12.InterchangeParties;
import org.revcycle.x12.SequenceControlNumbers;
import org.revcycle.x12.remittance.RemittanceAdviceWriter;
import org.revcycle.x12.remittance.RemittanceSamples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 835 upload on PostgreSQL: kept first, taken once, refused whole with every problem named. */
class RemittanceFileIT extends PostgresIntegrationTest {

  @Autowired SequenceControlNumbers controlNumbers;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void ledgerInvariantsHold() {
    LedgerInvariants.assertHold(jdbc);
  }

  @Test
  void aValidFileIsKeptAndTakenInOnceAndItsDuplicateIsActedOnOnce() {
    String file = file();

    given().auth().preemptive().basic("finance", "it-finance").contentType("application/edi-x12").body(file.getBytes(StandardCharsets.US_ASCII))
        .post("/api/remittances")
        .then().statusCode(202).header("Location", containsString("/api/remittances/"))
        .body("duplicate", equalTo(false)).body("claims", equalTo(3)).body("status", equalTo("POSTING"))
        .body("totalPayment", equalTo(22.5f));
    String fileId = jdbc.sql("select id from remittance_file where trace_number = 'CHK0000123'").query(String.class).single();
    // posting runs in the background; none of the sample's claims exists here: each decision is kept, unmatched, for a person
    await().atMost(Duration.ofSeconds(30)).until(() -> "POSTED".equals(given().auth().preemptive().basic("finance", "it-finance")
        .get("/api/remittances/" + fileId).then().statusCode(200).extract().path("status")));
    given().auth().preemptive().basic("finance", "it-finance").get("/api/remittances/" + fileId)
        .then().body("unmatched", equalTo(3)).body("matched", equalTo(0)).body("interchangeControlNumber", notNullValue())
        .body("traceNumber", equalTo("CHK0000123")).body("postingMillis", notNullValue());
    String again = given().auth().preemptive().basic("billing", "it-billing").contentType("text/plain").body(file.getBytes(StandardCharsets.US_ASCII))
        .post("/api/remittances")
        .then().statusCode(200).body("duplicate", equalTo(true)).body("claims", equalTo(0))
        .extract().path("sha256");

    List<String> statuses = jdbc.sql("select status from inbound_message where channel = 'x12-835' and source_key = ? order by received_at")
        .param(again).query(String.class).list();
    assertThat(statuses).containsExactly("PROCESSED", "DUPLICATE");
    String kept = jdbc.sql("select payload from inbound_message where source_key = ? and status = 'PROCESSED'")
        .param(again).query(String.class).single();
    assertThat(kept).isEqualTo(file);
    assertThat(jdbc.sql("select count(*) from remittance_claim where patient_control_number in ('PCN-1', 'PCN-2', 'PCN-3') and trace_number = 'CHK0000123'")
        .query(Integer.class).single()).isEqualTo(3);
  }

  @Test
  void aFileThatDoesNotBalanceIsRefusedWholeWithTheSegmentsNamedAndKeptForReplay() {
    String file = file().replace("CHK0000123", "CHK0000999").replace("CLP*PCN-1*1*250*150*", "CLP*PCN-1*1*250*149*");

    String fileId = given().auth().preemptive().basic("finance", "it-finance").contentType("application/edi-x12").body(file.getBytes(StandardCharsets.US_ASCII))
        .post("/api/remittances")
        .then().statusCode(422).contentType("application/problem+json")
        .body("title", equalTo("Invalid 835 file"))
        .body("problems.code", hasItem("CLAIM_NOT_BALANCED"))
        .body("problems.segment", hasItem("CLP"))
        .body("problems.find { it.code == 'PAYMENT_NOT_BALANCED' }.element", equalTo(2))
        .body("detail", containsString("nothing was posted"))
        .extract().path("fileId");

    assertThat(jdbc.sql("select status from inbound_message where id = ?").param(UUID.fromString(fileId))
        .query(String.class).single()).isEqualTo("REJECTED");
    assertThat(jdbc.sql("select count(*) from remittance_claim where trace_number = 'CHK0000999'")
        .query(Integer.class).single()).isZero();
  }

  @Test
  void somethingThatIsNotX12IsRefusedAndOnlyTheRightRolesMayUpload() {
    given().auth().preemptive().basic("finance", "it-finance").contentType("text/plain").body("Dear provider, ...".getBytes(StandardCharsets.US_ASCII))
        .post("/api/remittances")
        .then().statusCode(422).body("problems[0].line", equalTo(1));
    given().auth().preemptive().basic("coder", "it-coder").contentType("application/edi-x12").body(file().getBytes(StandardCharsets.US_ASCII))
        .post("/api/remittances")
        .then().statusCode(403);
  }

  private String file() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RemittanceAdviceWriter.writeFile(out, InterchangeParties.of("SANDBOXPAYER", "REVCYCLE", 'T'), controlNumbers,
        Clock.systemUTC(), List.of(RemittanceSamples.paidAdvice()));
    return out.toString(StandardCharsets.US_ASCII);
  }
}
