package org.revcycle.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.revcycle.clearinghouse.CoreEnvelope;
import org.revcycle.clearinghouse.CoreRealTimeProperties;
import org.revcycle.x12.X12Exception;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;

/**
 * The sandbox clearinghouse's real-time endpoint, in the manner of CAQH CORE's connectivity rule:
 * a multipart/form-data envelope in (ProcessingMode RealTime, a 270 or 276 as Payload), a
 * multipart/form-data envelope out (the payers' 271 or 277, ErrorCode Success), or an error
 * envelope naming what is wrong. Answers 503 while an outage is switched on.
 */
@RestController
@ConditionalOnProperty(name = "revcycle.sandbox.enabled", havingValue = "true", matchIfMissing = true)
public class SandboxClearinghouseController {

  private static final Logger log = LoggerFactory.getLogger(SandboxClearinghouseController.class);
  private static final DateTimeFormatter CORE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

  private final SandboxEligibility eligibility;
  private final SandboxClaimStatusService claimStatus;
  private final SandboxRealTimeProperties properties;
  private final SandboxOutage outage;
  private final Clock clock;

  SandboxClearinghouseController(SandboxNetwork network, SandboxClaimStatuses statuses,
      SandboxRealTimeProperties properties, SandboxOutage outage, Clock clock) {
    this.eligibility = new SandboxEligibility(network, clock);
    this.claimStatus = new SandboxClaimStatusService(statuses, clock);
    this.properties = properties;
    this.outage = outage;
    this.clock = clock;
  }

  @PostMapping(CoreRealTimeProperties.SANDBOX_PATH)
  ResponseEntity<?> realTime(HttpServletRequest http) throws IOException, jakarta.servlet.ServletException {
    if (outage.isDown()) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
          .contentType(MediaType.TEXT_PLAIN).body("The sandbox clearinghouse is down (outage switched on)");
    }
    pause();
    if (!authorized(http.getHeader(HttpHeaders.AUTHORIZATION))) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"sandbox-clearinghouse\"")
          .contentType(MediaType.MULTIPART_FORM_DATA)
          .body(error(null, "UnAuthorized", "The submitter's user name or password is wrong"));
    }
    String contentType = http.getContentType();
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return refuse(null, "EnvelopeInvalid",
          "The request must be a CORE envelope in multipart/form-data, not " + contentType);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Part part : http.getParts()) {
      fields.put(part.getName(), new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
    CoreEnvelope request = CoreEnvelope.of(fields);
    String problem = envelopeProblem(request);
    if (problem != null) {
      return refuse(request, problem.substring(0, problem.indexOf(':')), problem.substring(problem.indexOf(':') + 2));
    }
    byte[] payload = request.payload().getBytes(StandardCharsets.UTF_8);
    try {
      byte[] answer = CoreEnvelope.X12_270.equals(request.payloadType())
          ? eligibility.inquire(request.receiverId(), payload)
          : claimStatus.answer(payload);
      CoreEnvelope response = request.answer(CoreEnvelope.responseType(request.payloadType()),
          new String(answer, StandardCharsets.UTF_8), now());
      return ResponseEntity.ok().contentType(MediaType.MULTIPART_FORM_DATA).body(response.toForm());
    } catch (X12Exception e) {
      return refuse(request, "PayloadInvalid", "The " + request.payloadType() + " payload is not valid X12: "
          + e.getMessage());
    } catch (IllegalArgumentException | IllegalStateException e) {
      return refuse(request, "PayloadInvalid", "The " + request.payloadType() + " payload cannot be answered: "
          + e.getMessage());
    }
  }

  /** A body Tomcat cannot read as multipart at all. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<?> unreadable(MultipartException e) {
    return refuse(null, "EnvelopeInvalid", "The multipart/form-data body cannot be read: "
        + e.getMostSpecificCause().getMessage());
  }

  /** "ErrorCode: message" for the first thing wrong with the envelope, null when it is fine. */
  private static String envelopeProblem(CoreEnvelope r) {
    if (blank(r.payloadId())) {
      return "PayloadIDRequired: PayloadID is missing";
    }
    if (!CoreEnvelope.REAL_TIME.equals(r.processingMode())) {
      return "ProcessingModeNotSupported: ProcessingMode must be RealTime, not " + r.processingMode();
    }
    if (blank(r.payloadType())) {
      return "PayloadTypeRequired: PayloadType is missing";
    }
    if (CoreEnvelope.responseType(r.payloadType()) == null) {
      return "PayloadTypeNotSupported: PayloadType " + r.payloadType() + " is not " + CoreEnvelope.X12_270 + " or "
          + CoreEnvelope.X12_276;
    }
    if (!CoreEnvelope.PAYLOAD_VERSION.equals(r.payloadVersion())) {
      return "VersionMismatch: PayloadVersion must be " + CoreEnvelope.PAYLOAD_VERSION + ", not " + r.payloadVersion();
    }
    if (blank(r.timeStamp())) {
      return "TimeStampRequired: TimeStamp is missing";
    }
    if (blank(r.senderId())) {
      return "SenderIDRequired: SenderID is missing";
    }
    if (blank(r.receiverId())) {
      return "ReceiverIDRequired: ReceiverID is missing";
    }
    if (!CoreEnvelope.CORE_RULE_VERSION.equals(r.coreRuleVersion())) {
      return "VersionMismatch: CORERuleVersion must be " + CoreEnvelope.CORE_RULE_VERSION + ", not "
          + r.coreRuleVersion();
    }
    if (blank(r.payload())) {
      return "PayloadRequired: Payload is missing";
    }
    return null;
  }

  private ResponseEntity<MultiValueMap<String, HttpEntity<String>>> refuse(CoreEnvelope request, String code,
      String message) {
    log.info("Sandbox clearinghouse refused a real-time request: {}", code);
    return ResponseEntity.badRequest().contentType(MediaType.MULTIPART_FORM_DATA).body(error(request, code, message));
  }

  private MultiValueMap<String, HttpEntity<String>> error(CoreEnvelope request, String code, String message) {
    return CoreEnvelope.error(request, code, message, now()).toForm();
  }

  private boolean authorized(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(header.substring(6).trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    byte[] expected = (properties.username() + ":" + properties.password()).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, expected);
  }

  private void pause() {
    long millis = properties.responseDelay().toMillis();
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private String now() {
    return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).format(CORE_TIME);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
