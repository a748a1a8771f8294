package org.revcycle.remittance;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.revcycle.platform.InboundMessages;
import org.revcycle.platform.InvalidInputException;
import org.revcycle.x12.X12Exception;
import org.revcycle.x12.X12Problem;
import org.revcycle.x12.remittance.ClaimPayment;
import org.revcycle.x12.remittance.RemittanceAdviceReader;
import org.revcycle.x12.remittance.RemittanceFileReport;
import org.revcycle.x12.remittance.RemittanceHeader;
import org.revcycle.x12.remittance.ServicePayment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in 835 files, whoever delivers them (the clearinghouse, an upload on the API). The file is
 * kept first, with its SHA-256, so nothing received is lost; it is validated (schema and
 * balancing: a file with any problem posts nothing and says why, by segment and position) and
 * then runs its own {@code remittance-posting} process, which posts it exactly once. The same file
 * delivered again is acted on once.
 */
@Service
public class RemittanceFiles {

  static final String CHANNEL = "x12-835";

  private final InboundMessages inbound;
  private final RemittanceFileRepository files;
  private final RemittanceFileValidation validation;
  private final RemittanceWorkflow workflow;
  private final Clock clock;
  private final TransactionTemplate transaction;

  public RemittanceFiles(InboundMessages inbound, RemittanceFileRepository files, RemittanceFileValidation validation,
      RemittanceWorkflow workflow, Clock clock, PlatformTransactionManager transactions) {
    this.inbound = inbound;
    this.files = files;
    this.validation = validation;
    this.workflow = workflow;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * What came of a file.
   *
   * @param matched claims whose decision found the claim it belongs to
   * @param unmatched claims revcycle does not know (kept with the remittance, for a person to match)
   * @param alreadyTaken decisions taken in before, from an earlier file
   */
  public record Taken(UUID fileId, String sha256, boolean duplicate, String status, int claims, int matched, int unmatched,
      int alreadyTaken, BigDecimal totalPayment) {}

  /** The file was kept as {@code fileId} but not taken in: every problem, each with its segment and position. */
  public static class RejectedFile extends RuntimeException {
    private final UUID fileId;
    private final transient List<X12Problem> problems;
    private final int problemCount;

    RejectedFile(UUID fileId, List<X12Problem> problems, int problemCount) {
      super("835 file " + fileId + " rejected: " + new X12Exception(problems).getMessage());
      this.fileId = fileId;
      this.problems = List.copyOf(problems);
      this.problemCount = problemCount;
    }

    public UUID fileId() {
      return fileId;
    }

    public List<X12Problem> problems() {
      return problems;
    }

    public int problemCount() {
      return problemCount;
    }
  }

  /**
   * Keeps the file, validates it, and starts its posting process; posting runs in the background
   * (a file may hold thousands of claims), so {@code status} is POSTING and the counts come later
   * on {@code GET /api/remittances/{fileId}}. A file that fails validation is refused whole.
   */
  public Taken receive(byte[] file, String source) {
    String sha256 = sha256(file);
    // ISO-8859-1 maps every byte to one character: the stored text is the file, byte for byte
    UUID fileId = inbound.record(CHANNEL, sha256, new String(file, StandardCharsets.ISO_8859_1), clock.instant());
    Optional<UUID> earlier = files.insertOrFindEarlier(fileId, sha256, source, clock.instant());
    if (earlier.isPresent()) {
      transaction.executeWithoutResult(status -> inbound.markTaken(fileId, true, sha256));
      return new Taken(earlier.get(), sha256, true, "DUPLICATE", 0, 0, 0, 0, BigDecimal.ZERO);
    }
    RemittanceFileValidation.Result validated = validation.validate(fileId, file);
    workflow.startFilePosting(fileId);
    if (!validated.balanced()) {
      throw new RejectedFile(fileId, validated.problems(), validated.problemCount());
    }
    return new Taken(fileId, sha256, false, "POSTING", validated.claims(), 0, 0, 0,
        validated.totalPayment() == null ? BigDecimal.ZERO : validated.totalPayment());
  }

  /** The payer's id: REF*2U in the payer loop when present, else N104, else the TRN03 originator. */
  static String payerId(RemittanceHeader header) {
    String id = header.payer().additionalIds().getOrDefault("2U", header.payer().id());
    if (id == null || id.isBlank()) {
      id = header.originatingCompanyId();
    }
    return id == null || id.isBlank() ? "UNKNOWN" : id;
  }

  /** One CLP as remittance intake takes it, with no claim lines to allocate its SVCs to. */
  static ClaimAdjudication adjudication(RemittanceHeader header, ClaimPayment claim) {
    return adjudication(header, claim, java.util.Collections.nCopies(claim.services().size(), null));
  }

  /**
   * One CLP as remittance intake takes it: claim and line adjustments together, remarks from both
   * levels, and each SVC with the claim line it pays ({@code claimLines}, in SVC order).
   */
  static ClaimAdjudication adjudication(RemittanceHeader header, ClaimPayment claim, List<Integer> claimLines) {
    List<ClaimAdjudication.Adjustment> adjustments = new ArrayList<>();
    List<ClaimAdjudication.ServiceLine> services = new ArrayList<>();
    List<String> remarks = new ArrayList<>(claim.remarkCodes());
    claim.adjustments().forEach(a -> adjustments.add(new ClaimAdjudication.Adjustment(a.group(), a.reason(), a.amount())));
    int sequence = 0;
    for (ServicePayment line : claim.services()) {
      List<ClaimAdjudication.Adjustment> lineAdjustments = line.adjustments().stream()
          .map(a -> new ClaimAdjudication.Adjustment(a.group(), a.reason(), a.amount())).toList();
      adjustments.addAll(lineAdjustments);
      remarks.addAll(line.remarkCodes());
      services.add(new ClaimAdjudication.ServiceLine(sequence + 1, claimLines.get(sequence),
          ServiceLineAllocation.reference(sequence + 1, line.procedureCode(), line.lineControlNumber()), line.lineControlNumber(), line.procedureCode(),
          line.charge(), line.paid() == null ? BigDecimal.ZERO.setScale(2) : line.paid(), lineAdjustments));
      sequence++;
    }
    BigDecimal patientShare = claim.patientResponsibility() != null ? claim.patientResponsibility()
        : adjustments.stream().filter(a -> "PR".equals(a.groupCode())).map(ClaimAdjudication.Adjustment::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    String payerId = payerId(header);
    LocalDate paid = header.paymentDate() != null ? header.paymentDate() : header.productionDate();
    return new ClaimAdjudication(claim.patientControlNumber(), payerId,
        claim.payerClaimNumber() == null ? "" : claim.payerClaimNumber(), claim.statusCode(),
        claim.totalCharge(), claim.paid(), patientShare, List.copyOf(adjustments), List.copyOf(remarks), paid,
        header.traceNumber(), services);
  }

  private static String sha256(byte[] file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
