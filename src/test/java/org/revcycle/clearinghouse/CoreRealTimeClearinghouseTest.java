package org.revcycle.clearinghouse;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.revcycle.x12.CountingControlNumbers;
import org.springframework.core.env.StandardEnvironment;

/**
 * The CORE client against a clearinghouse simulated by WireMock on localhost: the envelope it
 * sends, timeouts, 503 with retries then success, the circuit opening and closing, error
 * envelopes and answers that are no envelope at all.
 */
class CoreRealTimeClearinghouseTest {

  @RegisterExtension
  static WireMockExtension clearinghouse = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String PATH = "/core/realtime";
  private static final String SLOW_PATH = "/core/slow";
  private static final String ANSWER_271 = "ISA*00*          *00*          *ZZ*CMA            *ZZ*REVCYCLE       *...~";
  private static final byte[] INQUIRY = SandboxDocuments.eligibilityInquiry("CMA", "LMH123456789");

  private static CoreRealTimeProperties properties(CoreRealTimeProperties.Auth auth, int maxAttempts, int minimumCalls,
      Duration readTimeout, Duration openFor) {
    return properties(PATH, auth, maxAttempts, minimumCalls, readTimeout, openFor);
  }

  private static CoreRealTimeProperties properties(String path, CoreRealTimeProperties.Auth auth, int maxAttempts,
      int minimumCalls, Duration readTimeout, Duration openFor) {
    return new CoreRealTimeProperties(clearinghouse.baseUrl() + path, auth, "revcycle", "s3cret", "tok-123",
        "REVCYCLE", "", Duration.ofSeconds(10), readTimeout, maxAttempts, Duration.ofMillis(20), 2.0, 50, minimumCalls,
        minimumCalls, openFor);
  }

  private static CoreRealTimeClearinghouse client(CoreRealTimeProperties properties) {
    return new CoreRealTimeClearinghouse(properties, new StandardEnvironment(), new CountingControlNumbers(1), null,
        null, Clock.systemUTC());
  }

  private static CoreRealTimeClearinghouse client() {
    return client(properties(CoreRealTimeProperties.Auth.BASIC, 3, 10, Duration.ofSeconds(15), Duration.ofSeconds(30)));
  }

  /** A CORE response envelope as a clearinghouse writes it: multipart/form-data. */
  static String multipart(String boundary, Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n")
        .append("Content-Type: text/plain; charset=UTF-8\r\n\r\n").append(value).append("\r\n"));
    return body.append("--").append(boundary).append("--\r\n").toString();
  }

  private static Map<String, String> envelope(String type, String payload, String errorCode, String errorMessage) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("ProcessingMode", "RealTime");
    fields.put("PayloadType", type);
    fields.put("PayloadVersion", "005010");
    fields.put("PayloadID", "f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
    fields.put("TimeStamp", "2026-11-27T10:00:00Z");
    fields.put("SenderID", "CMA");
    fields.put("ReceiverID", "REVCYCLE");
    fields.put("CORERuleVersion", "2.2.0");
    if (payload != null) {
      fields.put("Payload", payload);
    }
    fields.put("ErrorCode", errorCode);
    if (errorMessage != null) {
      fields.put("ErrorMessage", errorMessage);
    }
    return fields;
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder coreAnswer(int status,
      Map<String, String> fields) {
    return aResponse().withStatus(status).withHeader("Content-Type", "multipart/form-data; boundary=XyZ-core")
        .withBody(multipart("XyZ-core", fields));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder success271() {
    return coreAnswer(200, envelope(CoreEnvelope.X12_271, ANSWER_271, "Success", null));
  }

  @Test
  void the270GoesOutInACoreEnvelopeWithBasicCredentialsAndThe271ComesBack() {
    clearinghouse.stubFor(post(urlEqualTo(PATH)).willReturn(success271()));

    byte[] answer = client().inquire("CMA", INQUIRY);

    assertThat(new String(answer, StandardCharsets.UTF_8)).isEqualTo(ANSWER_271);
    clearinghouse.verify(1, postRequestedFor(urlEqualTo(PATH))
        .withHeader("Content-Type", containing("multipart/form-data"))
        .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials("revcycle", "s3cret"))
        .withRequestBodyPart(aMultipart("ProcessingMode").withBody(equalTo("RealTime")).build())
        .withRequestBodyPart(aMultipart("PayloadType").withBody(equalTo("X12_270_Request_005010X279A1")).build())
        .withRequestBodyPart(aMultipart("PayloadVersion").withBody(equalTo("005010")).build())
        .withRequestBodyPart(aMultipart("PayloadID")
            .withBody(matching("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")).build())
        .withRequestBodyPart(aMultipart("TimeStamp").withBody(matching("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")).build())
        .withRequestBodyPart(aMultipart("SenderID").withBody(equalTo("REVCYCLE")).build())
        .withRequestBodyPart(aMultipart("ReceiverID").withBody(equalTo("CMA")).build())
        .withRequestBodyPart(aMultipart("CORERuleVersion").withBody(equalTo("2.2.0")).build())
        .withRequestBodyPart(aMultipart("Payload").withBody(containing("ST*270*")).build()));
  }

  @Test
  void bearerCredentialsWhenConfigured() {
    clearinghouse.stubFor(post(urlEqualTo(PATH)).willReturn(success271()));

    client(properties(CoreRealTimeProperties.Auth.BEARER, 1, 10, Duration.ofSeconds(15), Duration.ofSeconds(30)))
        .inquire("CMA", INQUIRY);

    clearinghouse.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer tok-123")));
  }

  @Test
  void a503IsRetriedWithBackoffAndTheThirdAttemptSucceeds() {
    clearinghouse.stubFor(post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
    clearinghouse.stubFor(post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("second")
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    clearinghouse.stubFor(post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(success271()));

    assertThat(new String(client().inquire("CMA", INQUIRY), StandardCharsets.UTF_8)).isEqualTo(ANSWER_271);
    clearinghouse.verify(3, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void aSlowClearinghouseTimesOutOnEveryAttemptAndIsReportedUnavailable() {
    // its own path: WireMock journals a delayed request only once its answer is out, after this test
    clearinghouse.stubFor(post(urlEqualTo(SLOW_PATH)).willReturn(success271().withFixedDelay(1_000)));
    CoreRealTimeClearinghouse client = client(properties(SLOW_PATH, CoreRealTimeProperties.Auth.BASIC, 2, 10,
        Duration.ofMillis(200), Duration.ofSeconds(30)));

    assertThatThrownBy(() -> client.inquire("CMA", INQUIRY))
        .isInstanceOf(ClearinghouseUnavailableException.class)
        .hasMessageContaining("did not answer")
        .hasMessageContaining("HttpTimeoutException")
        .hasMessageEndingWith("(after 2 attempts)")
        .satisfies(e -> assertThat(((ClearinghouseUnavailableException) e).circuitOpen()).isFalse());
  }

  @Test
  void theCircuitOpensAfterRepeatedFailuresAnswersFastWhileOpenAndClosesWhenTheClearinghouseIsBack()
      throws InterruptedException {
    clearinghouse.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(502)));
    CoreRealTimeClearinghouse client =
        client(properties(CoreRealTimeProperties.Auth.BASIC, 1, 2, Duration.ofSeconds(2), Duration.ofMillis(300)));

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> client.inquire("CMA", INQUIRY)).isInstanceOf(ClearinghouseUnavailableException.class)
          .hasMessageContaining("HTTP 502");
    }
    assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);

    assertThatThrownBy(() -> client.inquire("CMA", INQUIRY))
        .isInstanceOf(ClearinghouseUnavailableException.class)
        .hasMessageContaining("circuit is open")
        .satisfies(e -> assertThat(((ClearinghouseUnavailableException) e).circuitOpen()).isTrue());
    clearinghouse.verify(2, postRequestedFor(urlEqualTo(PATH)));  // the open circuit called nobody

    clearinghouse.resetAll();
    clearinghouse.stubFor(post(urlEqualTo(PATH)).willReturn(success271()));
    Thread.sleep(400);  // past open-for: the next call is the half-open trial
    assertThat(new String(client.inquire("CMA", INQUIRY), StandardCharsets.UTF_8)).isEqualTo(ANSWER_271);
    assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void anErrorEnvelopeIsARefusalNamingTheCoreErrorAndIsNotRetried() {
    clearinghouse.stubFor(post(urlEqualTo(PATH)).willReturn(coreAnswer(400,
        envelope(CoreEnvelope.X12_271, null, "SenderIDNotAuthorized", "Sender REVCYCLE may not query payer CMA"))));

    assertThatThrownBy(() -> client().inquire("CMA", INQUIRY))
        .isInstanceOf(ClearinghouseRefusalException.class)
        .hasMessageContaining("SenderIDNotAuthorized").hasMessageContaining("may not query payer CMA")
        .satisfies(e -> assertThat(((ClearinghouseRefusalException) e).errorCode()).isEqualTo("SenderIDNotAuthorized"));
    clearinghouse.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void anAnswerThatIsNoCoreEnvelopeIsAMalformedResponse() {
    clearinghouse.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("<html>maintenance page</html>")));

    assertThatThrownBy(() -> client().inquire("CMA", INQUIRY))
        .isInstanceOf(ClearinghouseRefusalException.class)
        .hasMessageContaining("without a CORE envelope").hasMessageContaining("text/html")
        .satisfies(e -> assertThat(((ClearinghouseRefusalException) e).errorCode()).isEqualTo("MalformedResponse"));
    clearinghouse.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void aSuccessEnvelopeWithTheWrongDocumentOrNoPayloadIsRefused() {
    clearinghouse.stubFor(post(urlEqualTo(PATH)).willReturn(coreAnswer(200,
        envelope(CoreEnvelope.X12_277, "ISA*...~", "Success", null))));
    assertThatThrownBy(() -> client().inquire("CMA", INQUIRY)).isInstanceOf(ClearinghouseRefusalException.class)
        .hasMessageContaining("PayloadType X12_277_Response_005010X212, expected X12_271_Response_005010X279A1");

    clearinghouse.resetAll();
    clearinghouse.stubFor(post(urlEqualTo(PATH)).willReturn(coreAnswer(200,
        envelope(CoreEnvelope.X12_271, null, "Success", null))));
    assertThatThrownBy(() -> client().inquire("CMA", INQUIRY)).isInstanceOf(ClearinghouseRefusalException.class)
        .hasMessageContaining("no Payload");
  }

  @Test
  void aTruncatedMultipartBodyIsAMalformedResponse() {
    clearinghouse.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "multipart/form-data; boundary=XyZ-core")
        .withBody("--XyZ-core\r\nContent-Disposition: form-data; name=\"ErrorCode\"\r\n\r\nSucc")));

    assertThatThrownBy(() -> client().inquire("CMA", INQUIRY)).isInstanceOf(ClearinghouseRefusalException.class)
        .hasMessageContaining("cannot be read");
  }
}
