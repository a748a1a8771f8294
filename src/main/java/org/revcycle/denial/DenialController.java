package org.revcycle.denial;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.revcycle.platform.InvalidInputException;
import org.revcycle.platform.web.ApiProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Denials: one denial with its predictions and letters, its appeal letter, payer correspondence, and trends. */
@RestController
@RequestMapping("/api/denials")
public class DenialController {

  private final DenialManagement management;
  private final DenialRepository denials;
  private final PayerLetters letters;
  private final DenialTrends trends;

  public DenialController(DenialManagement management, DenialRepository denials, PayerLetters letters,
      DenialTrends trends) {
    this.management = management;
    this.denials = denials;
    this.letters = letters;
    this.trends = trends;
  }

  public record DenialView(DenialRepository.Denial denial, List<DenialRepository.LoggedPrediction> predictions,
      List<PayerLetters.StoredLetter> letters) {}

  @GetMapping("/{denialId}")
  @PreAuthorize("hasAnyRole('DENIAL_ANALYST', 'BILLING_SPECIALIST', 'CODER', 'SURGICAL_CODER', 'FINANCE', 'ADMIN')")
  public DenialView denial(@PathVariable UUID denialId) {
    DenialRepository.Denial denial = denials.find(denialId).orElseThrow(() -> ApiProblem.notFound("Denial", denialId));
    return new DenialView(denial, denials.predictions(denialId), letters.lettersOf(denialId));
  }

  /** The appeal letter as written, to download, sign and send. */
  @GetMapping(value = "/{denialId}/appeal-letter", produces = MediaType.TEXT_PLAIN_VALUE)
  @PreAuthorize("hasAnyRole('DENIAL_ANALYST', 'BILLING_SPECIALIST', 'CODER', 'SURGICAL_CODER', 'FINANCE', 'ADMIN')")
  public ResponseEntity<byte[]> appealLetter(@PathVariable UUID denialId) {
    String letter = denials.latestAppealLetter(denialId)
        .orElseThrow(() -> ApiProblem.notFound("Appeal letter of denial", denialId));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("appeal-" + management.denial(denialId).patientControlNumber() + ".txt").build().toString())
        .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
        .body(letter.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A payer letter as the body, text or PDF. 201 with what was read and where it went: attached to
   * the denial it names, or (matched false) to Triage payer letter. An empty or unreadable file
   * answers 400 and is kept as received.
   */
  @PostMapping(value = "/correspondence", consumes = {MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_PDF_VALUE,
      MediaType.APPLICATION_OCTET_STREAM_VALUE})
  @PreAuthorize("hasAnyRole('DENIAL_ANALYST', 'BILLING_SPECIALIST', 'INTEGRATION', 'ADMIN')")
  public ResponseEntity<PayerLetters.FiledLetter> correspondence(@RequestBody(required = false) byte[] body,
      @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
      @RequestParam(required = false) String fileName, Authentication user) {
    PayerLetters.FiledLetter filed = letters.receive(body, contentType, fileName, user.getName());
    return ResponseEntity.status(201).body(filed);
  }

  /**
   * Denials by count and dollars per root cause, payer, facility and week. Dates of the denial,
   * inclusive; the last 13 weeks by default.
   */
  @GetMapping("/trends")
  @PreAuthorize("hasAnyRole('DENIAL_ANALYST', 'BILLING_SPECIALIST', 'FINANCE', 'ADMIN')")
  public DenialTrends.Trends trends(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String payerId, @RequestParam(required = false) String facilityId,
      @RequestParam(required = false) String rootCause) {
    LocalDate end = to == null ? LocalDate.now(ZoneOffset.UTC) : to;
    LocalDate start = from == null ? end.minusWeeks(13) : from;
    if (start.isAfter(end)) {
      throw new InvalidInputException("from", "from " + start + " is after to " + end);
    }
    RootCause cause = null;
    if (rootCause != null && !rootCause.isBlank()) {
      try {
        cause = RootCause.valueOf(rootCause);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("rootCause", "unknown root cause '" + rootCause + "'; one of "
            + java.util.Arrays.toString(RootCause.values()));
      }
    }
    return trends.trends(new DenialTrends.Filter(start, end, blankToNull(payerId), blankToNull(facilityId), cause));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
