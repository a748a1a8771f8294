package org.revcycle.denial;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.revcycle.claim.ClaimRepository;
import org.revcycle.platform.InboundMessages;
import org.revcycle.platform.InvalidInputException;
import org.revcycle.workqueue.WorkQueueRouter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Letters from payers (a denial letter, a request for records, an appeal answer), uploaded as text
 * or PDF: the text is read (PDFBox for PDF), the payer's claim number, the patient account (our
 * patient control number), the denial reason and the deadline are picked out, and the letter is
 * attached to the denial it names. One that names no known denial opens Triage payer letter. What
 * was received is kept first (inbound_message), so an unreadable file is refused without loss.
 */
@Service
public class PayerLetters {

  static final String CHANNEL = "payer-letter";

  private final JdbcClient jdbc;
  private final DenialRepository denials;
  private final ClaimRepository claims;
  private final InboundMessages inbound;
  private final WorkQueueRouter router;
  private final PayerLetterWorkflow workflow;
  private final DenialManagement management;
  private final Clock clock;

  public PayerLetters(JdbcClient jdbc, DenialRepository denials, ClaimRepository claims, InboundMessages inbound,
      WorkQueueRouter router, PayerLetterWorkflow workflow, DenialManagement management, Clock clock) {
    this.management = management;
    this.jdbc = jdbc;
    this.denials = denials;
    this.claims = claims;
    this.inbound = inbound;
    this.router = router;
    this.workflow = workflow;
    this.clock = clock;
  }

  /** What the letter says, as far as it could be read. */
  public record LetterFields(String payerClaimNumber, String patientAccount, List<String> reasonCodes, String reason,
      LocalDate deadline) {}

  /** The letter as filed: attached to a denial, or waiting in triage. */
  public record FiledLetter(UUID letterId, boolean matched, UUID denialId, String patientControlNumber,
      LetterFields fields, boolean triage) {}

  @Transactional
  public FiledLetter receive(byte[] content, String contentType, String fileName, String uploadedBy) {
    if (content == null || content.length == 0) {
      throw new InvalidInputException("body", "The letter is empty: send the text or the PDF as the request body");
    }
    boolean pdf = isPdf(content, contentType);
    Instant now = clock.instant();
    UUID received = inbound.record(CHANNEL, fileName, pdf ? Base64.getEncoder().encodeToString(content)
        : new String(content, StandardCharsets.UTF_8), now);
    String text;
    try {
      text = pdf ? pdfText(content) : new String(content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      inbound.markRefused(received, "not a readable PDF: " + e.getMessage());
      throw new InvalidInputException("body", "The letter is not a readable PDF (" + e.getMessage() + "); it is kept as received ("
          + received + ")");
    }
    if (text.isBlank()) {
      inbound.markRefused(received, "no text in the letter");
      throw new InvalidInputException("body", "The letter has no text to read (a scanned image? OCR it first); it is kept as received ("
          + received + ")");
    }
    LetterFields fields = extract(text);
    Optional<DenialRepository.Denial> denial = Optional.<DenialRepository.Denial>empty();
    if (fields.patientAccount() != null) {
      denial = denials.latestForPatientControlNumber(fields.patientAccount());
    }
    if (denial.isEmpty() && fields.payerClaimNumber() != null) {
      denial = denials.latestForPayerClaimNumber(fields.payerClaimNumber());
    }
    UUID letterId = UUID.randomUUID();
    jdbc.sql("""
        insert into payer_correspondence (id, denial_id, file_name, content_type, content, extracted_text, payer_claim_number,
          patient_control_number, reason_codes, deadline, matched, uploaded_by, received_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(letterId, denial.map(DenialRepository.Denial::id).orElse(null), fileName,
            pdf ? "application/pdf" : "text/plain", content, text, fields.payerClaimNumber(), fields.patientAccount(),
            String.join(",", fields.reasonCodes()), fields.deadline(), denial.isPresent(), uploadedBy, Timestamp.from(now))
        .update();
    inbound.markTaken(received, false, "letter:" + letterId);
    if (denial.isPresent()) {
      attach(letterId, denial.get(), fields, uploadedBy);
      return new FiledLetter(letterId, true, denial.get().id(), denial.get().patientControlNumber(), fields, false);
    }
    WorkQueueRouter.Route route = router.routeFileException("CORRESPONDENCE", BigDecimal.ZERO);
    workflow.startTriage(letterId, summary(fileName, fields, text), route.queue(), route.priority(), route.due());
    return new FiledLetter(letterId, false, null, null, fields, true);
  }

  /** Triage named the claim: the letter goes with that claim's latest denial. */
  @Transactional
  public UUID attachTo(UUID letterId, String patientControlNumber, String by) {
    DenialRepository.Denial denial = denials.latestForPatientControlNumber(patientControlNumber)
        .orElseThrow(() -> new InvalidInputException(DenialManagementProcess.VAR_ATTACH_TO_PCN, "No denial for patient control number " + patientControlNumber
            + ": check the number, or leave it empty to file the letter without a claim"));
    LetterFields fields = extract(jdbc.sql("select extracted_text from payer_correspondence where id = ?")
        .param(letterId).query(String.class).single());
    jdbc.sql("update payer_correspondence set denial_id = ?, matched = true where id = ?").params(denial.id(), letterId).update();
    attach(letterId, denial, fields, by);
    return denial.id();
  }

  private void attach(UUID letterId, DenialRepository.Denial denial, LetterFields fields, String by) {
    // the payer's words may say more than its codes did
    management.reconsider(denial.id(), fields.reason())
        .ifPresent(routing -> workflow.rerouted(denial.patientControlNumber(), routing));
    if (fields.deadline() != null) {
      // the payer's own deadline in its letter is the one that counts
      jdbc.sql("update denial set appeal_deadline = ? where id = ?").params(fields.deadline(), denial.id()).update();
    }
    if (fields.reason() != null && (denial.remarkText() == null || denial.remarkText().isBlank())) {
      jdbc.sql("update denial set remark_text = ? where id = ?")
          .params(fields.reason().length() > 2000 ? fields.reason().substring(0, 2000) : fields.reason(), denial.id()).update();
    }
    claims.addEvent(denial.claimId(), "DENIAL", "PAYER_LETTER", "payer letter " + letterId + " attached"
        + (fields.deadline() == null ? "" : "; deadline " + fields.deadline()), by == null ? "system" : by, clock.instant());
  }

  public record StoredLetter(UUID id, UUID denialId, String fileName, String contentType, boolean matched,
      String payerClaimNumber, String patientControlNumber, String reasonCodes, LocalDate deadline, Instant receivedAt) {}

  public List<StoredLetter> lettersOf(UUID denialId) {
    return jdbc.sql("""
        select id, denial_id, file_name, content_type, matched, payer_claim_number, patient_control_number, reason_codes,
          deadline, received_at from payer_correspondence where denial_id = ? order by received_at""")
        .param(denialId)
        .query((rs, i) -> new StoredLetter(rs.getObject("id", UUID.class), rs.getObject("denial_id", UUID.class),
            rs.getString("file_name"), rs.getString("content_type"), rs.getBoolean("matched"),
            rs.getString("payer_claim_number"), rs.getString("patient_control_number"), rs.getString("reason_codes"),
            rs.getDate("deadline") == null ? null : rs.getDate("deadline").toLocalDate(),
            rs.getTimestamp("received_at").toInstant()))
        .list();
  }

  static boolean isPdf(byte[] content, String contentType) {
    return (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("pdf"))
        || (content.length >= 5 && content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F');
  }

  static String pdfText(byte[] content) throws IOException {
    try (PDDocument document = Loader.loadPDF(content)) {
      return new PDFTextStripper().getText(document);
    }
  }

  private static final Pattern CLAIM_NUMBER = Pattern.compile(
      "(?i)(?:payer\\s+)?claim\\s*(?:number|no\\.?|#|id)\\s*[:#]?\\s*([A-Z0-9][A-Z0-9-]{4,29})");
  private static final Pattern PATIENT_ACCOUNT = Pattern.compile(
      "(?i)(?:patient\\s+account(?:\\s+number)?|patient\\s+control\\s+number|account\\s*(?:number|no\\.?|#))\\s*[:#]?\\s*([A-Z0-9][A-Z0-9-]{3,37})");
  private static final Pattern REASON_CODE = Pattern.compile(
      "(?i)\\b(?:(CO|OA|PI|PR)\\s*-\\s*(\\d{1,3})\\b|(?:reason\\s+code|CARC|adjustment\\s+reason)\\s*[:#]?\\s*(?:(CO|OA|PI|PR)\\s*-?\\s*)?(\\d{1,3})\\b)");
  private static final Pattern REASON_TEXT = Pattern.compile("(?i)\\b(?:denial\\s+)?reason\\s*:\\s*([^\\r\\n]+)");
  private static final Pattern DEADLINE = Pattern.compile(
      "(?i)(?:appeal\\s+(?:deadline|by|must\\s+be\\s+received\\s+by)|deadline|respond\\s+by|no\\s+later\\s+than|within\\s+\\d+\\s+days,?\\s+by)\\s*:?\\s*"
          + "(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4}|[A-Z][a-z]+\\s+\\d{1,2},\\s*\\d{4})");

  static LetterFields extract(String text) {
    String claimNumber = first(CLAIM_NUMBER, text);
    String account = first(PATIENT_ACCOUNT, text);
    Set<String> codes = new LinkedHashSet<>();
    Matcher m = REASON_CODE.matcher(text);
    while (m.find()) {
      String group = m.group(1) != null ? m.group(1) : m.group(3);
      String code = m.group(2) != null ? m.group(2) : m.group(4);
      codes.add((group == null ? "" : group.toUpperCase(Locale.ROOT) + "-") + code);
    }
    String reason = first(REASON_TEXT, text);
    String deadlineText = first(DEADLINE, text);
    return new LetterFields(claimNumber, account, new ArrayList<>(codes), reason == null ? null : reason.trim(),
        deadlineText == null ? null : date(deadlineText));
  }

  private static String first(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  private static LocalDate date(String text) {
    for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("M/d/yyyy"),
        DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US), DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US))) {
      try {
        return LocalDate.parse(text.replaceAll("\\s+", " "), format);
      } catch (DateTimeParseException tryNext) {
        // the next format
      }
    }
    return null;
  }

  static String summary(String fileName, LetterFields fields, String text) {
    String excerpt = text.strip().replaceAll("\\s+", " ");
    return "Letter " + (fileName == null ? "(no file name)" : fileName) + "\n"
        + "Payer claim number: " + nullToDash(fields.payerClaimNumber()) + "\n"
        + "Patient account: " + nullToDash(fields.patientAccount()) + " (no denial found for it)\n"
        + "Reason codes: " + (fields.reasonCodes().isEmpty() ? "-" : String.join(", ", fields.reasonCodes())) + "\n"
        + "Reason: " + nullToDash(fields.reason()) + "\n"
        + "Deadline: " + (fields.deadline() == null ? "-" : fields.deadline()) + "\n\n"
        + (excerpt.length() > 1500 ? excerpt.substring(0, 1500) + "..." : excerpt);
  }

  private static String nullToDash(String s) {
    return s == null ? "-" : s;
  }
}
