package org.revcycle.sandbox;

import jakarta.annotation.PreDestroy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.revcycle.claim.ClaimSubmission;
import org.revcycle.remittance.ClaimAdjudication;
import org.revcycle.x12.ControlNumbers;
import org.revcycle.x12.DatePeriod;
import org.revcycle.x12.InterchangeParties;
import org.revcycle.x12.Segment;
import org.revcycle.x12.X12Exception;
import org.revcycle.x12.X12InterchangeWriter;
import org.revcycle.x12.X12Problem;
import org.revcycle.x12.X12SegmentReader;
import org.revcycle.x12.acknowledgment.AcknowledgedClaim;
import org.revcycle.x12.acknowledgment.AcknowledgmentStatus;
import org.revcycle.x12.acknowledgment.ClaimAcknowledgment;
import org.revcycle.x12.acknowledgment.ClaimAcknowledgmentBatch;
import org.revcycle.x12.acknowledgment.ClaimAcknowledgmentWriter;
import org.revcycle.x12.acknowledgment.ElementError;
import org.revcycle.x12.acknowledgment.FunctionalAcknowledgment;
import org.revcycle.x12.acknowledgment.FunctionalAcknowledgmentWriter;
import org.revcycle.x12.acknowledgment.SegmentError;
import org.revcycle.x12.acknowledgment.TransactionSetResponse;
import org.revcycle.x12.claim.Claim837;
import org.revcycle.x12.claim.Claim837Reader;
import org.revcycle.x12.claim.ClaimBatchHeader;
import org.revcycle.x12.claim.ClaimProvider;
import org.revcycle.x12.claim.HealthCareCode;
import org.revcycle.x12.claim.ServiceLine;
import org.revcycle.x12.status.ClaimStatusCode;
import org.revcycle.x12.status.StatusInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The clearinghouse and payers behind the sandbox SFTP server: picks up each 837 batch from the
 * outbound folder, checks its X12 (the 837 reader's schema and guide checks), answers with a 999
 * (a set with errors is rejected, each error as IK3/IK4 naming segment and element, with the
 * claim's CLM01 as context), runs each claim of an accepted set through the payers' front end and
 * answers with a 277CA (A2 accepted, A3/A6/A7/A8 returned, with the reason as STC12 text), and,
 * after the configured delay, drops one 835 for the claims of the batch the payer accepted. Files
 * are written to a temporary name and renamed, as a real clearinghouse does; a batch file
 * delivered twice is answered once.
 */
public class SandboxPayerClearinghouse {

  private static final Logger log = LoggerFactory.getLogger(SandboxPayerClearinghouse.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
  private static final Pattern CATEGORY = Pattern.compile("277CA (A[3678])");
  private static final String CLEARINGHOUSE_ID = "CLEARINGHOUSE";

  private final SandboxSftpServer server;
  private final SandboxPayers payers;
  private final SandboxNetwork network;
  private final SandboxClaimStatuses statuses;
  private final SandboxRemittanceFiles remittanceFiles;
  private final SandboxProperties sandbox;
  private final SandboxClearinghouseProperties properties;
  private final ControlNumbers controlNumbers;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final AtomicLong sequence = new AtomicLong();
  private volatile boolean answering;
  private final ScheduledExecutorService payerThreads = Executors.newScheduledThreadPool(2, r -> {
    Thread t = new Thread(r, "sandbox-payers");
    t.setDaemon(true);
    return t;
  });

  public SandboxPayerClearinghouse(SandboxSftpServer server, SandboxPayers payers, SandboxNetwork network,
      SandboxClaimStatuses statuses, SandboxRemittanceFiles remittanceFiles, SandboxProperties sandbox,
      SandboxClearinghouseProperties properties, ControlNumbers controlNumbers, JdbcClient jdbc, Clock clock) {
    this.server = server;
    this.payers = payers;
    this.network = network;
    this.statuses = statuses;
    this.remittanceFiles = remittanceFiles;
    this.sandbox = sandbox;
    this.properties = properties;
    this.controlNumbers = controlNumbers;
    this.jdbc = jdbc;
    this.clock = clock;
    this.answering = properties.payersEnabled();
  }

  /** Whether the payers' side answers on its schedule (an outage of the payers behind a working mailbox when off). */
  public void setAnswering(boolean answering) {
    this.answering = answering;
  }

  @Scheduled(fixedDelayString = "${revcycle.sandbox.clearinghouse.poll-interval:PT1S}")
  public void poll() {
    if (answering && server.running()) {
      try {
        answerBatches();
      } catch (RuntimeException e) {
        log.warn("Sandbox clearinghouse could not answer a batch; it tries again", e);
      }
    }
  }

  /** Answers every 837 batch waiting in the outbound folder; returns how many. */
  public synchronized int answerBatches() {
    Path outbound = server.root().resolve("outbound");
    List<Path> files;
    try (Stream<Path> listing = Files.list(outbound)) {
      files = listing.filter(p -> !p.getFileName().toString().endsWith(".part") && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path file : files) {
      try {
        Path received = server.root().resolve("received");
        Files.createDirectories(received);
        Path kept = received.resolve(file.getFileName());
        if (Files.exists(kept)) {
          log.info("Sandbox clearinghouse: batch {} delivered again; answered already", file.getFileName());
          Files.delete(file);
          continue;
        }
        byte[] content = Files.readAllBytes(file);
        Files.move(file, kept, StandardCopyOption.ATOMIC_MOVE);
        answer(file.getFileName().toString(), content);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files.size();
  }

  /** One set of the batch as sent: its ST02, where it starts, and the claims (CLM01) in it. */
  private record SetInFile(String controlNumber, int position, List<String> claims, List<Integer> claimPositions) {}

  private void answer(String fileName, byte[] content) {
    // the envelope: group control number and guide, each set's ST02 and its claims
    String[] group = new String[2];
    List<SetInFile> sets = new ArrayList<>();
    try (X12SegmentReader reader = X12SegmentReader.open(new ByteArrayInputStream(content))) {
      reader.forEachSegment(segment -> envelope(segment, group, sets));
    } catch (X12Exception e) {
      // too broken to read on: what was found so far is what the 999 can speak about
      log.info("Sandbox clearinghouse: batch {} is not readable X12: {}", fileName, e.getMessage());
    }
    if (group[0] == null) {
      log.warn("Sandbox clearinghouse: batch {} has no functional group; nothing to acknowledge", fileName);
      return;
    }
    Map<String, Claim837> claims = new LinkedHashMap<>();
    Map<String, ClaimBatchHeader> headers = new LinkedHashMap<>();
    List<X12Problem> problems;
    try {
      problems = Claim837Reader.read(new ByteArrayInputStream(content), (header, claim) -> {
        claims.put(claim.patientControlNumber(), claim);
        headers.put(claim.patientControlNumber(), header);
      }).problems();
    } catch (X12Exception e) {
      problems = e.problems();
    }

    List<TransactionSetResponse> responses = new ArrayList<>();
    List<String> acceptedClaims = new ArrayList<>();
    for (int i = 0; i < sets.size(); i++) {
      SetInFile set = sets.get(i);
      int end = i + 1 < sets.size() ? sets.get(i + 1).position() : Integer.MAX_VALUE;
      List<SegmentError> errors = new ArrayList<>();
      for (X12Problem problem : problems) {
        int at = problem.location().segmentPosition();
        if (at >= set.position() && at < end) {
          errors.add(segmentError(problem, set));
        }
      }
      boolean accepted = errors.isEmpty() && set.claims().stream().allMatch(claims::containsKey);
      responses.add(new TransactionSetResponse("837", set.controlNumber(), group[1],
          accepted ? AcknowledgmentStatus.ACCEPTED : AcknowledgmentStatus.REJECTED, null,
          accepted ? List.of() : List.of(FunctionalAcknowledgmentWriter.reason("E718", "5")), errors));
      if (accepted) {
        acceptedClaims.addAll(set.claims());
      }
    }
    long acceptedSets = responses.stream().filter(r -> r.status().isAccepted()).count();
    AcknowledgmentStatus groupStatus = acceptedSets == sets.size() && !sets.isEmpty() ? AcknowledgmentStatus.ACCEPTED
        : acceptedSets == 0 ? AcknowledgmentStatus.REJECTED : AcknowledgmentStatus.PARTIALLY_ACCEPTED;
    FunctionalAcknowledgment ack = new FunctionalAcknowledgment(null, "HC", group[0], group[1], groupStatus, null,
        sets.size(), sets.size(), (int) acceptedSets, List.of(), responses);
    drop("999", out -> FunctionalAcknowledgmentWriter.writeGroup(out, List.of(ack)));
    log.info("Sandbox clearinghouse: batch {} (group {}): {} of {} sets accepted", fileName, group[0], acceptedSets,
        sets.size());
    if (acceptedClaims.isEmpty()) {
      return;
    }

    List<AcknowledgedClaim> answered = new ArrayList<>();
    Map<ClaimSubmission, Map<Integer, String>> toAdjudicate = new LinkedHashMap<>();
    String payerId = null;
    for (String pcn : acceptedClaims) {
      Claim837 claim = claims.get(pcn);
      ClaimSubmission submission = submission(claim, headers.get(pcn));
      payerId = submission.payerId();
      SandboxPayers.FrontEndResult front = payers.check(submission);
      String payerClaimNumber = null;
      List<StatusInformation> stc = new ArrayList<>();
      LocalDate today = LocalDate.now(clock);
      if (front.accepted()) {
        String reference = "SBX" + group[0] + "-" + pcn;
        statuses.received(pcn, reference);
        stc.add(new StatusInformation(List.of(new ClaimStatusCode("A2", "20", "PR", null)), today, claim.totalCharge(),
            null, null, null, null));
        payerClaimNumber = reference;
        // REF*6R of each line as the 837 sent it: the 835 echoes it on the line's SVC
        Map<Integer, String> lineControlNumbers = new java.util.HashMap<>();
        claim.lines().stream().filter(l -> l.lineControlNumber() != null)
            .forEach(l -> lineControlNumbers.put(l.lineNumber(), l.lineControlNumber()));
        toAdjudicate.put(submission, lineControlNumbers);
      } else {
        for (String reason : front.reasons()) {
          stc.add(new StatusInformation(List.of(new ClaimStatusCode(category(reason), statusCode(reason), entity(reason),
              null)), today, claim.totalCharge(), null, null, null, truncate(reason)));
        }
      }
      answered.add(new AcknowledgedClaim(claim.billingProvider().name().lastOrOrganization(), claim.billingProvider().npi(),
          patientLastName(claim), patientFirstName(claim), claim.subscriber().memberId(),
          new ClaimAcknowledgment(pcn, payerClaimNumber, "CH" + group[0] + "-" + pcn, claim.billType(), stc,
              new DatePeriod(submission.serviceDate(), submission.dischargeDate() != null ? submission.dischargeDate()
                  : submission.serviceDate()))));
    }
    String payerName = network.payer(payerId).map(SandboxNetwork.Payer::name).orElse("SANDBOX PAYER");
    ClaimAcknowledgmentBatch batch = new ClaimAcknowledgmentBatch("CA" + group[0], LocalDate.now(clock), LocalDate.now(clock),
        payerName.toUpperCase(), payerId == null ? "SANDBOX" : payerId, "REVCYCLE", "REVCYCLE", group[0], answered);
    drop("277CA", out -> ClaimAcknowledgmentWriter.writeGroup(out, List.of(batch), LocalDateTime.now(clock)));
    // the payer adjudicates what it accepted, and its 835 comes after the 277CA, however short the delay;
    // one 835 for the batch, as payers answer: the file work and its posting are shared by its claims
    if (!toAdjudicate.isEmpty()) {
      schedule(toAdjudicate);
    }
  }

  private static void envelope(Segment segment, String[] group, List<SetInFile> sets) {
    switch (segment.tag()) {
      case "GS" -> {
        group[0] = segment.text(6);
        group[1] = segment.optional(8);
      }
      case "ST" -> sets.add(new SetInFile(segment.text(2), segment.location().segmentPosition(), new ArrayList<>(),
          new ArrayList<>()));
      case "CLM" -> {
        if (!sets.isEmpty()) {
          sets.get(sets.size() - 1).claims().add(segment.text(1));
          sets.get(sets.size() - 1).claimPositions().add(segment.location().segmentPosition());
        }
      }
      default -> {
        // the rest is the claims' content: read by the 837 reader
      }
    }
  }

  /** A problem of the 837 as the 999 reports it: the segment's position from ST, its element, and the claim it is in. */
  private static SegmentError segmentError(X12Problem problem, SetInFile set) {
    int position = problem.location().segmentPosition() - set.position() + 1;
    String claim = null;
    for (int i = 0; i < set.claimPositions().size(); i++) {
      if (set.claimPositions().get(i) <= problem.location().segmentPosition()) {
        claim = set.claims().get(i);
      }
    }
    List<String> context = claim == null ? List.of() : List.of("CLM01: " + claim);
    String elementCode = ELEMENT_ERRORS.get(problem.code());
    int element = problem.location().elementPosition();
    if (element > 0 && elementCode != null) {
      Integer component = problem.location().componentPosition() > 0 ? problem.location().componentPosition() : null;
      return new SegmentError(problem.location().segmentTag(), Math.max(position, 1), null,
          FunctionalAcknowledgmentWriter.reason("E620", "8"), context, List.of(new ElementError(element, component, null,
              null, FunctionalAcknowledgmentWriter.reason("E621", elementCode), null)));
    }
    String segmentCode = SEGMENT_ERRORS.getOrDefault(problem.code(), element > 0 ? "8" : "2");
    return new SegmentError(Objects.requireNonNullElse(problem.location().segmentTag(), "ST"), Math.max(position, 1), null,
        FunctionalAcknowledgmentWriter.reason("E620", segmentCode), context, List.of());
  }

  private static final Map<String, String> SEGMENT_ERRORS = Map.ofEntries(
      Map.entry("UNRECOGNIZED_SEGMENT_ID", "1"), Map.entry("UNEXPECTED_SEGMENT", "2"),
      Map.entry("MANDATORY_SEGMENT_MISSING", "3"), Map.entry("LOOP_OCCURS_OVER_MAXIMUM_TIMES", "4"),
      Map.entry("SEGMENT_EXCEEDS_MAXIMUM_USE", "5"), Map.entry("SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET", "6"),
      Map.entry("SEGMENT_NOT_IN_PROPER_SEQUENCE", "7"), Map.entry("IMPLEMENTATION_UNUSED_SEGMENT_PRESENT", "I4"),
      Map.entry("IMPLEMENTATION_LOOP_OCCURS_UNDER_MINIMUM_TIMES", "I7"),
      Map.entry("IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE", "I8"));

  private static final Map<String, String> ELEMENT_ERRORS = Map.ofEntries(
      Map.entry("REQUIRED_DATA_ELEMENT_MISSING", "1"), Map.entry("CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING", "2"),
      Map.entry("TOO_MANY_DATA_ELEMENTS", "3"), Map.entry("DATA_ELEMENT_TOO_SHORT", "4"),
      Map.entry("DATA_ELEMENT_TOO_LONG", "5"), Map.entry("INVALID_CHARACTER_DATA", "6"),
      Map.entry("INVALID_CODE_VALUE", "7"), Map.entry("INVALID_DATE", "8"), Map.entry("INVALID_TIME", "9"),
      Map.entry("EXCLUSION_CONDITION_VIOLATED", "10"), Map.entry("TOO_MANY_REPETITIONS", "12"),
      Map.entry("TOO_MANY_COMPONENTS", "13"), Map.entry("IMPLEMENTATION_INVALID_CODE_VALUE", "I10"),
      Map.entry("IMPLEMENTATION_PATTERN_MATCH_FAILURE", "I11"),
      Map.entry("IMPLEMENTATION_UNUSED_DATA_ELEMENT_PRESENT", "I12"),
      Map.entry("IMPLEMENTATION_TOO_FEW_REPETITIONS", "I13"));

  /** The claim as the payer reads it from the 837; coverage dates come from the payer's own enrollment. */
  private ClaimSubmission submission(Claim837 claim, ClaimBatchHeader header) {
    boolean institutional = header.type() == org.revcycle.x12.claim.ClaimType.INSTITUTIONAL;
    LocalDate serviceDate;
    LocalDate dischargeDate = null;
    if (institutional && claim.statementPeriod() != null) {
      serviceDate = claim.statementPeriod().from();
      if (claim.admissionDate() != null) {
        dischargeDate = claim.statementPeriod().through();
      }
    } else {
      serviceDate = claim.lines().stream().map(ServiceLine::serviceDate).filter(Objects::nonNull)
          .map(p -> p.from()).min(LocalDate::compareTo).orElse(null);
    }
    LocalDate[] coverage = enrollment(claim.patientControlNumber());
    String relationship = "18".equals(claim.subscriber().relationship()) || claim.patient() == null ? "SELF"
        : switch (claim.patient().relationship()) {
          case "01" -> "SPOUSE";
          case "19" -> "CHILD";
          default -> "OTHER";
        };
    ClaimProvider rendering = claim.rendering() != null ? claim.rendering() : claim.attending();
    String facilityId = network.facilities().stream().filter(f -> f.npi().equals(claim.billingProvider().npi()))
        .map(SandboxNetwork.Facility::id).findFirst().orElse(null);
    List<ClaimSubmission.Line> lines = claim.lines().stream().map(l -> new ClaimSubmission.Line(l.lineNumber(),
        l.procedure() == null ? null : l.procedure().code(), l.procedure() == null ? List.of() : l.procedure().modifiers(),
        l.revenueCode(), l.units(), l.charge(), l.serviceDate() == null ? null : l.serviceDate().from())).toList();
    return new ClaimSubmission(claim.patientControlNumber(),
        institutional ? org.revcycle.claim.ClaimType.INSTITUTIONAL : org.revcycle.claim.ClaimType.PROFESSIONAL,
        claim.frequencyCode(), claim.payerClaimControlNumber(), claim.payer().id(), claim.subscriber().memberId(),
        relationship, coverage[0], coverage[1], facilityId, claim.billingProvider().npi(),
        rendering == null ? null : rendering.npi(),
        claim.patient() != null ? claim.patient().birthDate() : claim.subscriber().birthDate(),
        claim.patient() != null ? claim.patient().sex() : claim.subscriber().sex(), serviceDate, dischargeDate,
        claim.priorAuthorization(), claim.diagnoses().stream().map(HealthCareCode::code).toList(), lines);
  }

  /**
   * The payer's enrollment file: in the sandbox, the coverage period the provider registered for
   * the claim (there is no separate payer enrollment to consult).
   */
  private LocalDate[] enrollment(String patientControlNumber) {
    return jdbc.sql("select coverage_start, coverage_end from claim where patient_control_number = ?")
        .param(patientControlNumber)
        .query((rs, n) -> new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)})
        .optional().orElse(new LocalDate[2]);
  }

  /**
   * Test value, beside SandboxPayers.DENY_TEST_VALUE: a claim whose prior authorization reads this
   * is accepted (277CA) but its payer never sends an 835, so a test can send the remittance it needs
   * (a line denial, a reprocessing) through the 835 upload.
   */
  public static final String HOLD_REMITTANCE_TEST_VALUE = "SANDBOX-HOLD-835";

  private void schedule(Map<ClaimSubmission, Map<Integer, String>> batch) {
    Map<ClaimSubmission, Map<Integer, String>> claims = new LinkedHashMap<>();
    for (var entry : batch.entrySet()) {
      ClaimSubmission claim = entry.getKey();
      if (HOLD_REMITTANCE_TEST_VALUE.equals(claim.priorAuthorization())) {
        log.info("Sandbox payer: claim {} holds its remittance (test value)", claim.patientControlNumber());
      } else {
        claims.put(claim, entry.getValue());
      }
    }
    if (claims.isEmpty()) {
      return;
    }
    payerThreads.schedule(() -> {
      List<SandboxRemittanceFiles.Decided> decided = new ArrayList<>();
      for (var entry : claims.entrySet()) {
        ClaimSubmission claim = entry.getKey();
        try {
          ClaimAdjudication decision = payers.adjudicate(claim, LocalDate.now(clock));
          if ("7".equals(claim.frequencyCode())) {
            // a replacement of a claim this payer paid: the earlier decision is taken back first
            statuses.adjudication(claim.patientControlNumber())
                .flatMap(earlier -> payers.takeBackBeforeReplacement(earlier, LocalDate.now(clock)))
                .ifPresent(back -> decided.add(new SandboxRemittanceFiles.Decided(claim, back, entry.getValue())));
          }
          decided.add(new SandboxRemittanceFiles.Decided(claim, decision, entry.getValue()));
        } catch (RuntimeException e) {
          log.error("Sandbox payer could not adjudicate claim {}", claim.patientControlNumber(), e);
        }
      }
      if (decided.isEmpty()) {
        return;
      }
      try {
        drop("835", remittanceFiles.write(decided.get(0).decision().payerId(), decided));
        decided.forEach(d -> statuses.adjudicated(d.claim().patientControlNumber(), d.decision()));
      } catch (RuntimeException whole) {
        // one decision the 835 schema refuses must not hold back the others: each goes in a file of its own
        for (SandboxRemittanceFiles.Decided d : decided) {
          try {
            drop("835", remittanceFiles.write(d.claim(), d.decision(), d.lineControlNumbers()));
            statuses.adjudicated(d.claim().patientControlNumber(), d.decision());
          } catch (RuntimeException e) {
            log.error("Sandbox payer could not adjudicate claim {}", d.claim().patientControlNumber(), e);
          }
        }
      }
    }, sandbox.adjudicationDelay().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void drop(String kind, java.util.function.Consumer<X12InterchangeWriter> body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (X12InterchangeWriter writer = new X12InterchangeWriter(out, InterchangeParties.of(CLEARINGHOUSE_ID, "REVCYCLE", 'T'),
        controlNumbers, clock)) {
      body.accept(writer);
    }
    drop(kind, out.toByteArray());
  }

  /** Into the inbound folder under a temporary name, then renamed: revcycle never reads half a file. */
  private void drop(String kind, byte[] content) {
    String name = STAMP.format(LocalDateTime.now(clock)) + "-" + String.format("%06d", sequence.incrementAndGet() % 1_000_000)
        + "-" + kind + ".x12";
    Path inbound = server.root().resolve("inbound");
    try {
      Path partial = inbound.resolve(name + ".part");
      Files.write(partial, content);
      Files.move(partial, inbound.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String category(String reason) {
    if (reason.contains("(999 rejected)")) {
      return "A3";
    }
    Matcher m = CATEGORY.matcher(reason);
    return m.find() ? m.group(1) : "A7";
  }

  /** Claim status codes (code source 508) a clearinghouse would use for the field named first. */
  private static String statusCode(String reason) {
    if (reason.startsWith("memberId")) {
      return "33";
    }
    if (reason.startsWith("billingNpi") || reason.startsWith("renderingNpi")) {
      return "562";
    }
    return "21";
  }

  private static String entity(String reason) {
    if (reason.startsWith("memberId")) {
      return "IL";
    }
    if (reason.startsWith("billingNpi")) {
      return "85";
    }
    if (reason.startsWith("renderingNpi")) {
      return "82";
    }
    if (reason.startsWith("patient")) {
      return "QC";
    }
    return null;
  }

  private static String patientLastName(Claim837 claim) {
    return claim.patient() != null ? claim.patient().name().lastOrOrganization() : claim.subscriber().name().lastOrOrganization();
  }

  private static String patientFirstName(Claim837 claim) {
    return claim.patient() != null ? claim.patient().name().first() : claim.subscriber().name().first();
  }

  /** STC12 free text: no X12 separators in it, at most 264 characters. */
  private static String truncate(String text) {
    String clean = text.replace(": ", " - ").replaceAll("[:*~^]", " ");
    return clean.length() <= 264 ? clean : clean.substring(0, 261) + "...";
  }

  @PreDestroy
  void stop() {
    payerThreads.shutdownNow();
  }
}
