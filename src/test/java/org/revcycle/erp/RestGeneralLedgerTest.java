package org.revcycle.erp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.revcycle.erp.ErpBatchRepository.Status;
import org.revcycle.ledger.JournalEntry;
import org.revcycle.ledger.JournalLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The REST ERP gateway against an ERP simulated by WireMock, with erp_batch on H2 (Flyway's schema). */
class RestGeneralLedgerTest {

  @RegisterExtension
  static WireMockExtension erp = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private ErpBatchRepository batches;
  private RestGeneralLedger gateway;
  private final List<JournalEntry> entries = List.of(entry("120.00"), entry("35.50"));

  @BeforeEach
  void setUp() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:erp-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(h2).locations("classpath:db/migration").table("revcycle_schema_history").load().migrate();
    batches = new ErpBatchRepository(JdbcClient.create(h2), new DataSourceTransactionManager(h2));
    ErpProperties properties = new ErpProperties("rest", new ErpProperties.Rest(
        URI.create(erp.baseUrl() + "/journal-batches"), "Bearer test-token", Duration.ofSeconds(1),
        Duration.ofMillis(300), 3, Duration.ofMillis(20), 2.0));
    gateway = new RestGeneralLedger(properties, batches, new ObjectMapper(), Clock.systemUTC());
  }

  @Test
  void aBatchIsPostedAsJsonWithAnIdempotencyKeyAndRecorded() {
    erp.stubFor(post("/journal-batches").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"reference\":\"GL-2026-0042\"}")));

    assertThat(gateway.book(entries)).isEqualTo("GL-2026-0042");

    String key = RestGeneralLedger.idempotencyKey(entries);
    erp.verify(1, postRequestedFor(urlEqualTo("/journal-batches"))
        .withHeader("Idempotency-Key", equalTo(key))
        .withHeader("Authorization", equalTo("Bearer test-token"))
        .withRequestBody(matchingJsonPath("$.entryCount", equalTo("2")))
        .withRequestBody(matchingJsonPath("$.totalDebits", equalTo("155.5")))
        .withRequestBody(matchingJsonPath("$.entries[0].lines[0].account", equalTo("1020")))
        .withRequestBody(matchingJsonPath("$.entries[1].entryDate", equalTo("2026-11-02"))));
    ErpBatchRepository.ErpBatch batch = batches.find(key).orElseThrow();
    assertThat(batch.status()).isEqualTo(Status.SENT);
    assertThat(batch.erpReference()).isEqualTo("GL-2026-0042");
    assertThat(batch.total()).isEqualByComparingTo("155.50");
    assertThat(batch.attempts()).isEqualTo(1);
  }

  @Test
  void aServerErrorIsRetriedWithTheSameKeyAndTheBatchPostsOnce() {
    erp.stubFor(post("/journal-batches").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
    erp.stubFor(post("/journal-batches").inScenario("flaky").whenScenarioStateIs("recovered")
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"reference\":\"GL-7\"}")));

    assertThat(gateway.book(entries)).isEqualTo("GL-7");
    // the export runs again (the engine retried it after a crash): the ERP is not asked again
    assertThat(gateway.book(List.of(entries.get(1), entries.get(0)))).isEqualTo("GL-7");

    List<LoggedRequest> sent = erp.findAll(postRequestedFor(urlEqualTo("/journal-batches")));
    assertThat(sent).hasSize(2);
    assertThat(sent).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(RestGeneralLedger.idempotencyKey(entries));
    assertThat(sent.get(0).getBodyAsString()).isEqualTo(sent.get(1).getBodyAsString());
    ErpBatchRepository.ErpBatch batch = batches.find(RestGeneralLedger.idempotencyKey(entries)).orElseThrow();
    assertThat(batch.status()).isEqualTo(Status.SENT);
    assertThat(batch.attempts()).isEqualTo(2);
  }

  @Test
  void anErpThatDoesNotAnswerInTimeIsRetriedThenTheBatchFails() {
    erp.stubFor(post("/journal-batches").willReturn(aResponse().withStatus(200).withFixedDelay(1500)));

    assertThatThrownBy(() -> gateway.book(entries)).isInstanceOf(RestGeneralLedger.ErpUnavailableException.class)
        .hasMessageContaining("did not answer");

    erp.verify(3, postRequestedFor(urlEqualTo("/journal-batches")));
    ErpBatchRepository.ErpBatch batch = batches.find(RestGeneralLedger.idempotencyKey(entries)).orElseThrow();
    assertThat(batch.status()).isEqualTo(Status.FAILED);
    assertThat(batch.attempts()).isEqualTo(3);
    assertThat(batch.erpReference()).isNull();
  }

  @Test
  void aRefusalIsNotRetriedAndIsRecordedForSomeoneToLookAt() {
    erp.stubFor(post("/journal-batches").willReturn(aResponse().withStatus(422)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"account 1020 is closed\"}")));

    assertThatThrownBy(() -> gateway.book(entries)).isInstanceOf(RestGeneralLedger.ErpRefusedException.class)
        .hasMessageContaining("HTTP 422").hasMessageContaining("account 1020 is closed");

    erp.verify(1, postRequestedFor(urlEqualTo("/journal-batches")));
    ErpBatchRepository.ErpBatch batch = batches.find(RestGeneralLedger.idempotencyKey(entries)).orElseThrow();
    assertThat(batch.status()).isEqualTo(Status.REFUSED);
    assertThat(batch.lastError()).contains("account 1020 is closed");

    // once the ERP is fixed, the engine's retry of the step sends the same batch again and it books
    erp.resetAll();
    erp.stubFor(post("/journal-batches").withRequestBody(equalToJson("{\"entryCount\":2}", true, true))
        .willReturn(aResponse().withStatus(201).withBody("{\"reference\":\"GL-9\"}")));
    assertThat(gateway.book(entries)).isEqualTo("GL-9");
    assertThat(batches.find(RestGeneralLedger.idempotencyKey(entries)).orElseThrow().status()).isEqualTo(Status.SENT);
  }

  private static JournalEntry entry(String amount) {
    BigDecimal value = new BigDecimal(amount);
    return new JournalEntry(UUID.randomUUID(), LocalDate.of(2026, 11, 2), "Remittance EFT123 for claim PCN-1",
        "REMITTANCE", "EFT123/PCN-1", UUID.randomUUID(), "system", "remit:" + UUID.randomUUID(),
        List.of(JournalLine.debit("1020", value, "payment"), JournalLine.credit("1111", value, "payment")),
        UUID.randomUUID(), "EFT123", "PAYER1");
  }
}
