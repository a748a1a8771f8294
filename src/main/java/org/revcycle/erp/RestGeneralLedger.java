package org.revcycle.erp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.revcycle.erp.ErpBatchRepository.Status;
import org.revcycle.ledger.GeneralLedger;
import org.revcycle.ledger.JournalEntry;
import org.revcycle.ledger.JournalLine;
import org.revcycle.ledger.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The ERP's general ledger on HTTP: a journal batch is POSTed as JSON with an Idempotency-Key
 * derived from its entries, so a resend (a retry here, or the engine's retry after a crash) books
 * nothing twice at the ERP. A 5xx or a timeout is retried with exponential backoff; a 4xx is the
 * ERP refusing the batch and is not. Every outcome is recorded in erp_batch.
 */
@Component
@ConditionalOnProperty(name = "revcycle.erp.gateway", havingValue = "rest")
public class RestGeneralLedger implements GeneralLedger {

  private static final Logger log = LoggerFactory.getLogger(RestGeneralLedger.class);

  private final RestClient http;
  private final RetryConfig retryConfig;
  private final ErpBatchRepository batches;
  private final ObjectMapper json;
  private final Clock clock;

  public RestGeneralLedger(ErpProperties properties, ErpBatchRepository batches, ObjectMapper json, Clock clock) {
    ErpProperties.Rest rest = Objects.requireNonNull(properties.rest(), "revcycle.erp.rest must be set for the rest gateway");
    if (rest.endpoint() == null) {
      throw new IllegalStateException("revcycle.erp.rest.endpoint must be set for the rest gateway");
    }
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().connectTimeout(rest.connectTimeout()).build());
    requests.setReadTimeout(rest.readTimeout());
    RestClient.Builder builder = RestClient.builder().requestFactory(requests).baseUrl(rest.endpoint().toString());
    if (rest.authorization() != null && !rest.authorization().isBlank()) {
      builder.defaultHeader("Authorization", rest.authorization());
    }
    this.http = builder.build();
    this.retryConfig = RetryConfig.custom()
        .maxAttempts(rest.maxAttempts())
        .intervalFunction(IntervalFunction.ofExponentialBackoff(rest.initialBackoff(), rest.backoffMultiplier()))
        .retryOnException(e -> e instanceof ErpUnavailableException)
        .build();
    this.batches = batches;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public String book(List<JournalEntry> entries) {
    String key = idempotencyKey(entries);
    BigDecimal total = entries.stream().map(JournalEntry::total).reduce(Money.ZERO, BigDecimal::add);
    var earlier = batches.find(key);
    if (earlier.isPresent() && earlier.get().status() == Status.SENT) {
      return earlier.get().erpReference();  // the ERP has it already: the export rolled back after the ERP answered
    }
    String body = body(key, entries, total);
    AtomicInteger attempts = new AtomicInteger();
    Retry retry = Retry.of("erp-" + key, retryConfig);
    try {
      String reference = retry.executeSupplier(() -> {
        attempts.incrementAndGet();
        return send(key, body);
      });
      batches.record("rest", key, entries.size(), total, Status.SENT, reference, attempts.get(), null, clock.instant());
      return reference;
    } catch (ErpRefusedException e) {
      batches.record("rest", key, entries.size(), total, Status.REFUSED, null, attempts.get(), e.getMessage(), clock.instant());
      log.warn("ERP refused journal batch {}: HTTP {}", key, e.status());
      throw e;
    } catch (ErpUnavailableException e) {
      batches.record("rest", key, entries.size(), total, Status.FAILED, null, attempts.get(), e.getMessage(), clock.instant());
      log.warn("ERP unavailable for journal batch {} after {} attempts", key, attempts.get());
      throw e;
    }
  }

  private String send(String key, String body) {
    try {
      String answer = http.post()
          .contentType(MediaType.APPLICATION_JSON)
          .accept(MediaType.APPLICATION_JSON)
          .header("Idempotency-Key", key)
          .body(body)
          .retrieve()
          .body(String.class);
      return reference(answer, key);
    } catch (HttpServerErrorException e) {
      throw new ErpUnavailableException("ERP answered HTTP " + e.getStatusCode().value() + " to batch " + key, e);
    } catch (HttpClientErrorException e) {
      // the ERP asks to slow down or timed out waiting: worth another try; anything else is a refusal
      if (e.getStatusCode().isSameCodeAs(HttpStatus.TOO_MANY_REQUESTS)
          || e.getStatusCode().isSameCodeAs(HttpStatus.REQUEST_TIMEOUT)) {
        throw new ErpUnavailableException("ERP answered HTTP " + e.getStatusCode().value() + " to batch " + key, e);
      }
      String detail = e.getResponseBodyAsString(StandardCharsets.UTF_8);
      throw new ErpRefusedException(e.getStatusCode().value(), "ERP refused batch " + key + " with HTTP "
          + e.getStatusCode().value() + (detail.isBlank() ? "" : ": " + detail.substring(0, Math.min(300, detail.length()))));
    } catch (ResourceAccessException e) {
      throw new ErpUnavailableException("ERP did not answer batch " + key + ": " + e.getMostSpecificCause().getClass()
          .getSimpleName(), e);
    }
  }

  /** The ERP's batch reference from its answer ({"reference": ...}); the key when it names none. */
  private String reference(String answer, String key) {
    if (answer == null || answer.isBlank()) {
      return key;
    }
    try {
      JsonNode node = json.readTree(answer);
      JsonNode reference = node.path("reference");
      return reference.isTextual() && !reference.asText().isBlank() ? reference.asText() : key;
    } catch (JsonProcessingException e) {
      return key;
    }
  }

  /** The same entries always make the same key, whatever their order: a resend is recognisably a resend. */
  static String idempotencyKey(List<JournalEntry> entries) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      entries.stream().map(JournalEntry::id).map(UUID::toString).sorted()
          .forEach(id -> sha.update((id + "\n").getBytes(StandardCharsets.US_ASCII)));
      return "journal-batch-" + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String body(String key, List<JournalEntry> entries, BigDecimal total) {
    List<Batch.Entry> payload = entries.stream().map(e -> new Batch.Entry(e.id(), e.entryDate().toString(),
        e.description(), e.sourceType(), e.sourceRef(), e.claimId(), e.sourceFileId(), e.traceNumber(), e.payerId(),
        e.lines().stream().map(RestGeneralLedger::line).toList())).toList();
    try {
      return json.writeValueAsString(new Batch(key, entries.size(), total, payload));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("journal batch " + key + " cannot be written as JSON", e);
    }
  }

  private static Batch.Line line(JournalLine l) {
    return new Batch.Line(l.accountCode(), l.debit(), l.credit(), l.memo(), l.sourceCode());
  }

  /** The JSON an ERP receives: amounts as decimal numbers, dates as ISO dates. */
  record Batch(String batchId, int entryCount, BigDecimal totalDebits, List<Entry> entries) {
    record Entry(UUID id, String entryDate, String description, String sourceType, String sourceRef, UUID claimId,
        UUID sourceFileId, String traceNumber, String payerId, List<Line> lines) {}

    record Line(String account, BigDecimal debit, BigDecimal credit, String memo, String sourceCode) {}
  }

  /** The ERP did not answer, or answered 5xx, after every attempt: the engine retries the step later. */
  public static class ErpUnavailableException extends RuntimeException {
    ErpUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The ERP refused the batch (4xx): sending it again unchanged will not help; someone must look. */
  public static class ErpRefusedException extends RuntimeException {
    private final int status;

    ErpRefusedException(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }
}
