package org.revcycle.clearinghouse;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.revcycle.claim.ClaimStatusInquiry;
import org.revcycle.claim.ClaimSubmission;
import org.revcycle.eligibility.PayerEligibility;
import org.revcycle.x12.ControlNumbers;
import org.revcycle.x12.InquiryParty;
import org.revcycle.x12.InquiryPerson;
import org.revcycle.x12.InterchangeParties;
import org.revcycle.x12.X12Exception;
import org.revcycle.x12.X12InterchangeWriter;
import org.revcycle.x12.status.ClaimStatusCode;
import org.revcycle.x12.status.ClaimStatusInquiryWriter;
import org.revcycle.x12.status.ClaimStatusReader;
import org.revcycle.x12.status.ClaimStatusReport;
import org.revcycle.x12.status.ClaimStatusResponse;
import org.revcycle.x12.status.StatusInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The clearinghouse's real-time service in the manner of CAQH CORE's connectivity rule: each X12
 * request (270, 276) goes out as an HTTP POST of a multipart/form-data envelope
 * (ProcessingMode=RealTime) and the 271 or 277 comes back in the response envelope. Timeouts,
 * retries with exponential backoff (timeouts, connection failures, 5xx, 408, 429) and a circuit
 * breaker in front: while the clearinghouse is down, an open circuit answers at once with
 * {@link ClearinghouseUnavailableException} instead of tying up a job thread per claim. An error
 * envelope is a {@link ClearinghouseRefusalException} naming the CORE error. Either way the step
 * fails, the engine retries it, and the last failure becomes an incident.
 */
@Component
public class CoreRealTimeClearinghouse implements PayerEligibility, ClaimStatusInquiry {

  private static final Logger log = LoggerFactory.getLogger(CoreRealTimeClearinghouse.class);
  private static final DateTimeFormatter CORE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

  private final CoreRealTimeProperties properties;
  private final Environment environment;
  private final ControlNumbers controlNumbers;
  private final JdbcClient jdbc;
  private final ClaimStatusCheckRepository checks;
  private final Clock clock;
  private final CircuitBreaker circuitBreaker;
  private final RetryConfig retryConfig;
  private volatile RestClient http;

  public CoreRealTimeClearinghouse(CoreRealTimeProperties properties, Environment environment,
      ControlNumbers controlNumbers, JdbcClient jdbc, ClaimStatusCheckRepository checks, Clock clock) {
    this.properties = properties;
    this.environment = environment;
    this.controlNumbers = controlNumbers;
    this.jdbc = jdbc;
    this.checks = checks;
    this.clock = clock;
    // only unavailability opens the circuit: a refusal is an answer, the clearinghouse is up
    this.circuitBreaker = CircuitBreaker.of("clearinghouse-realtime", CircuitBreakerConfig.custom()
        .failureRateThreshold(properties.failureRateThreshold())
        .minimumNumberOfCalls(properties.minimumCalls())
        .slidingWindowSize(Math.max(properties.slidingWindow(), properties.minimumCalls()))
        .waitDurationInOpenState(properties.openFor())
        .permittedNumberOfCallsInHalfOpenState(1)
        .recordException(e -> e instanceof ClearinghouseUnavailableException)
        .build());
    this.retryConfig = RetryConfig.custom()
        .maxAttempts(properties.maxAttempts())
        .intervalFunction(IntervalFunction.ofExponentialBackoff(properties.initialBackoff(),
            properties.backoffMultiplier()))
        .retryOnException(e -> e instanceof ClearinghouseUnavailableException u && !u.circuitOpen())
        .build();
  }

  // ---- eligibility: 270 in, 271 out ----

  @Override
  public byte[] inquire(String payerId, byte[] inquiry270) {
    CoreEnvelope answer = exchange(request(CoreEnvelope.X12_270, payerId, new String(inquiry270, StandardCharsets.UTF_8)));
    requireSuccess(answer, CoreEnvelope.X12_271, "270 eligibility inquiry for payer " + payerId);
    return answer.payload().getBytes(StandardCharsets.UTF_8);
  }

  // ---- claim status: 276 in, 277 out ----

  @Override
  public StatusReport status(ClaimSubmission claim) {
    Parties parties = parties(claim.patientControlNumber());
    String trace = "RS" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
    String request276 = write276(claim, parties, trace);
    CoreEnvelope request = request(CoreEnvelope.X12_276, claim.payerId(), request276);
    Instant asked = clock.instant();
    CoreEnvelope answer;
    try {
      answer = exchange(request);
    } catch (RuntimeException e) {
      checks.record(new ClaimStatusCheckRepository.ClaimStatusCheck(parties.claimId(), claim.payerId(), trace,
          request.payloadId(), null, e.getMessage(), request276, null,
          e instanceof ClearinghouseRefusalException r ? r.errorCode() : "Unavailable", asked));
      throw e;
    }
    try {
      requireSuccess(answer, CoreEnvelope.X12_277, "276 claim status request for claim " + claim.patientControlNumber());
      StatusReport report = report(answer.payload(), trace, claim.patientControlNumber());
      checks.record(new ClaimStatusCheckRepository.ClaimStatusCheck(parties.claimId(), claim.payerId(), trace,
          request.payloadId(), report.category(), report.description(), request276, answer.payload(), answer.errorCode(),
          asked));
      return report;
    } catch (ClearinghouseRefusalException e) {
      checks.record(new ClaimStatusCheckRepository.ClaimStatusCheck(parties.claimId(), claim.payerId(), trace,
          request.payloadId(), null, e.getMessage(), request276, answer.payload(), e.errorCode(), asked));
      throw e;
    }
  }

  /** The 277's status of the claim asked about (matched by the trace number the 276 sent). */
  private static StatusReport report(String payload277, String trace, String patientControlNumber) {
    ClaimStatusReport report;
    try {
      report = ClaimStatusReader.read(new ByteArrayInputStream(payload277.getBytes(StandardCharsets.UTF_8)));
    } catch (X12Exception e) {
      throw new ClearinghouseRefusalException("MalformedResponse",
          "The 277 for claim " + patientControlNumber + " cannot be read: " + e.getMessage());
    }
    if (!report.problems().isEmpty()) {
      throw new ClearinghouseRefusalException("MalformedResponse", "The 277 for claim " + patientControlNumber
          + " breaks its guide: " + report.problems().get(0));
    }
    ClaimStatusResponse claim = report.claims().stream().filter(c -> trace.equals(c.traceNumber())).findFirst()
        .orElseThrow(() -> new ClearinghouseRefusalException("MalformedResponse", "The 277 for claim "
            + patientControlNumber + " does not answer trace " + trace));
    StatusInformation status = claim.status();
    if (status == null) {
      throw new ClearinghouseRefusalException("MalformedResponse",
          "The 277 for claim " + patientControlNumber + " carries no status (STC)");
    }
    ClaimStatusCode code = status.codes().get(0);
    StringBuilder description = new StringBuilder(code.categoryDescription() == null ? code.category()
        : code.categoryDescription());
    description.append(" (status ").append(code.status()).append(')');
    if (claim.payerClaimNumber() != null) {
      description.append(", payer claim ").append(claim.payerClaimNumber());
    }
    if (claim.paidAmount() != null && claim.paidAmount().signum() != 0) {
      description.append(", paid ").append(claim.paidAmount().toPlainString());
    }
    if (status.paymentDate() != null) {
      description.append(" on ").append(status.paymentDate());
    }
    return new StatusReport(code.category(), description.toString());
  }

  // ---- the envelope over HTTP ----

  private CoreEnvelope request(String payloadType, String payerId, String payload) {
    String receiver = properties.receiverId().isBlank() ? payerId : properties.receiverId();
    return new CoreEnvelope(CoreEnvelope.REAL_TIME, payloadType, CoreEnvelope.PAYLOAD_VERSION,
        UUID.randomUUID().toString(), LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).format(CORE_TIME),
        properties.senderId(), receiver, CoreEnvelope.CORE_RULE_VERSION, payload, null, null);
  }

  private CoreEnvelope exchange(CoreEnvelope request) {
    Retry retry = Retry.of("clearinghouse-" + request.payloadId(), retryConfig);
    AtomicInteger attempts = new AtomicInteger();
    try {
      return retry.executeSupplier(() -> {
        attempts.incrementAndGet();
        try {
          return circuitBreaker.executeSupplier(() -> post(request));
        } catch (CallNotPermittedException e) {
          throw new ClearinghouseUnavailableException("Clearinghouse real-time service not called: the circuit is "
              + "open after repeated failures (" + request.payloadType() + ", PayloadID " + request.payloadId()
              + "); calls resume after " + properties.openFor(), e, true);
        }
      });
    } catch (ClearinghouseUnavailableException e) {
      log.warn("Clearinghouse real-time {} PayloadID {} failed after {} attempt(s): {}", request.payloadType(),
          request.payloadId(), attempts.get(), e.getMessage());
      if (e.circuitOpen() && attempts.get() == 1) {
        throw e;
      }
      throw new ClearinghouseUnavailableException(e.getMessage() + " (after " + attempts.get() + " attempts)", e,
          e.circuitOpen());
    }
  }

  private CoreEnvelope post(CoreEnvelope request) {
    try {
      return client().post()
          .contentType(MediaType.MULTIPART_FORM_DATA)
          .body(request.toForm())
          .exchange((req, response) -> {
            int status = response.getStatusCode().value();
            byte[] body = StreamUtils.copyToByteArray(response.getBody());
            String contentType = response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
            if (status >= 500 || status == 408 || status == 429) {
              throw new ClearinghouseUnavailableException("Clearinghouse answered HTTP " + status + " to "
                  + request.payloadType() + " PayloadID " + request.payloadId(), null, false);
            }
            CoreEnvelope answer;
            try {
              answer = CoreEnvelope.parse(contentType, body);
            } catch (CoreEnvelope.MalformedEnvelopeException e) {
              throw new ClearinghouseRefusalException(status >= 400 ? "HTTP_" + status : "MalformedResponse",
                  "Clearinghouse answered HTTP " + status + " to " + request.payloadType() + " PayloadID "
                      + request.payloadId() + " without a CORE envelope: " + e.getMessage());
            }
            if (status >= 400 && answer.success()) {
              throw new ClearinghouseRefusalException("HTTP_" + status, "Clearinghouse answered HTTP " + status
                  + " to " + request.payloadType() + " PayloadID " + request.payloadId());
            }
            return answer;
          });
    } catch (ResourceAccessException e) {
      throw new ClearinghouseUnavailableException("Clearinghouse did not answer " + request.payloadType()
          + " PayloadID " + request.payloadId() + ": " + e.getMostSpecificCause().getClass().getSimpleName(), e, false);
    }
  }

  private static void requireSuccess(CoreEnvelope answer, String expectedType, String what) {
    if (!answer.success()) {
      throw new ClearinghouseRefusalException(answer.errorCode() == null ? "MissingErrorCode" : answer.errorCode(),
          "Clearinghouse refused the " + what + ": " + answer.errorCode()
              + (answer.errorMessage() == null ? "" : " (" + answer.errorMessage() + ")"));
    }
    if (!expectedType.equals(answer.payloadType())) {
      throw new ClearinghouseRefusalException("PayloadTypeIncorrect", "Clearinghouse answered the " + what
          + " with PayloadType " + answer.payloadType() + ", expected " + expectedType);
    }
    if (answer.payload() == null || answer.payload().isBlank()) {
      throw new ClearinghouseRefusalException("PayloadRequired", "Clearinghouse answered the " + what
          + " with no Payload");
    }
  }

  /** Built at first use: the sandbox clearinghouse's address is known only once this server runs. */
  private RestClient client() {
    RestClient c = http;
    if (c == null) {
      synchronized (this) {
        if (http == null) {
          http = newClient();
        }
        c = http;
      }
    }
    return c;
  }

  private RestClient newClient() {
    String baseUrl = properties.baseUrl().isBlank()
        ? "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"))
            + CoreRealTimeProperties.SANDBOX_PATH
        : properties.baseUrl();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.connectTimeout()).build());
    requests.setReadTimeout(properties.readTimeout());
    RestClient.Builder builder = RestClient.builder().requestFactory(requests).baseUrl(baseUrl);
    switch (properties.auth()) {
      case BASIC -> builder.defaultHeaders(h -> h.setBasicAuth(properties.username(), properties.password(),
          StandardCharsets.UTF_8));
      case BEARER -> builder.defaultHeaders(h -> h.setBearerAuth(properties.token()));
      case NONE -> { }
    }
    return builder.build();
  }

  /** The circuit breaker's state, for operations and tests: CLOSED, OPEN, HALF_OPEN. */
  public CircuitBreaker.State circuitState() {
    return circuitBreaker.getState();
  }

  // ---- the 276 ----

  /** What the 276 names besides the claim itself: people, provider and payer as registered. */
  private record Parties(UUID claimId, String familyName, String givenName, LocalDate birthDate, String sex,
      String relationship, String subscriberFamilyName, String subscriberGivenName, LocalDate subscriberBirthDate,
      String subscriberSex, String providerName, String providerNpi, String payerName) {}

  private Parties parties(String patientControlNumber) {
    return jdbc.sql("""
            select c.id, p.family_name, p.given_name, p.birth_date, p.sex, c.subscriber_relationship,
              e.subscriber_family_name, e.subscriber_given_name, e.subscriber_birth_date, e.subscriber_sex,
              f.name, f.npi, py.name
            from claim c join encounter e on e.id = c.encounter_id join patient p on p.id = e.patient_id
            left join facility f on f.id = e.facility_id left join payer py on py.id = c.payer_id
            where c.patient_control_number = ?""")
        .param(patientControlNumber)
        .query((rs, n) -> new Parties(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
            rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getObject(9, LocalDate.class), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13)))
        .optional()
        .orElseThrow(() -> new IllegalStateException("No claim with patient control number " + patientControlNumber));
  }

  private String write276(ClaimSubmission claim, Parties p, String trace) {
    boolean dependent = p.relationship() != null && !"SELF".equals(p.relationship())
        && p.subscriberFamilyName() != null;
    InquiryPerson patient = new InquiryPerson(dependent ? null : claim.memberId(), upper(p.familyName()),
        upper(p.givenName()), p.birthDate(), p.sex());
    InquiryPerson subscriber = dependent
        ? new InquiryPerson(claim.memberId(), upper(p.subscriberFamilyName()), upper(p.subscriberGivenName()),
            p.subscriberBirthDate(), p.subscriberSex())
        : patient;
    LocalDate to = claim.dischargeDate() != null ? claim.dischargeDate()
        : claim.lines().stream().map(ClaimSubmission.Line::serviceDate).filter(d -> d != null)
            .max(LocalDate::compareTo).orElse(claim.serviceDate());
    org.revcycle.x12.status.ClaimStatusInquiry inquiry = new org.revcycle.x12.status.ClaimStatusInquiry(
        claim.patientControlNumber(),
        InquiryParty.organization(truncate(p.payerName() == null ? claim.payerId() : p.payerName(), 60), "PI",
            claim.payerId()),
        InquiryParty.organization("REVCYCLE", "46", properties.senderId()),
        InquiryParty.organization(truncate(p.providerName(), 60), "XX", claim.billingNpi()),
        subscriber, dependent ? patient : null, trace, claim.patientControlNumber(), claim.payerClaimNumber(),
        null,
        claim.totalCharge(), claim.serviceDate(), to.isBefore(claim.serviceDate()) ? claim.serviceDate() : to);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (X12InterchangeWriter writer = new X12InterchangeWriter(out,
        InterchangeParties.of(truncate(properties.senderId(), 15), truncate(claim.payerId(), 15), 'P'), controlNumbers,
        clock)) {
      ClaimStatusInquiryWriter.writeGroup(writer, List.of(inquiry), LocalDateTime.now(clock));
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String upper(String s) {
    return s == null ? "" : s.toUpperCase(Locale.ROOT);
  }

  private static String truncate(String s, int max) {
    return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
  }
}
