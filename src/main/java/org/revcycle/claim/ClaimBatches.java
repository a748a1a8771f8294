package org.revcycle.claim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.revcycle.x12.ControlNumbers;
import org.revcycle.x12.InterchangeParties;
import org.revcycle.x12.X12Exception;
import org.revcycle.x12.claim.Claim837;
import org.revcycle.x12.claim.Claim837Writer;
import org.revcycle.x12.claim.ClaimBatch;
import org.revcycle.x12.claim.ClaimBatchHeader;
import org.revcycle.x12.claim.Contact;
import org.revcycle.x12.claim.PartyName;
import org.revcycle.x12.claim.Receiver;
import org.revcycle.x12.claim.Submitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims to the clearinghouse in batches: a claim waits in the queue of its payer; the batcher
 * writes each payer's waiting claims as one 837P or 837I interchange (one transaction set per
 * claim, so that a 999 can reject one claim without the others) and keeps the file as written,
 * with its control numbers; the upload sends exactly those bytes, however often it is retried.
 */
@Service
public class ClaimBatches {

  private static final Logger log = LoggerFactory.getLogger(ClaimBatches.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final Pattern ST02 = Pattern.compile("ST\\*837\\*([0-9]+)\\*");
  private static final Pattern GS06 = Pattern.compile("GS\\*HC\\*(?:[^*~]*\\*){4}([0-9]+)\\*");

  /** Control numbers for the trial write of one claim: only the file that goes out draws real ones. */
  private static final ControlNumbers TRIAL_NUMBERS = new ControlNumbers() {
    @Override
    public long nextInterchange() {
      return 1;
    }

    @Override
    public long nextGroup() {
      return 1;
    }

    @Override
    public long nextTransaction() {
      return 1;
    }
  };

  private static final UUID NOTHING_TO_UPLOAD = new UUID(0, 0);

  private final ClaimRepository claims;
  private final ClaimBatchRepository batches;
  private final ClearinghouseMailbox mailbox;
  private final ControlNumbers controlNumbers;
  private final ClaimBatchProperties properties;
  private final ClaimAcknowledgments acknowledgments;
  private final Clock clock;
  private final TransactionTemplate transaction;

  public ClaimBatches(ClaimRepository claims, ClaimBatchRepository batches, ClearinghouseMailbox mailbox,
      ControlNumbers controlNumbers, ClaimBatchProperties properties, ClaimAcknowledgments acknowledgments, Clock clock,
      PlatformTransactionManager transactions) {
    this.claims = claims;
    this.batches = batches;
    this.mailbox = mailbox;
    this.controlNumbers = controlNumbers;
    this.properties = properties;
    this.acknowledgments = acknowledgments;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** The claim waits for the next batch to its payer; its process waits for the 999. */
  @Transactional
  public void queue(UUID claimId) {
    ClaimSubmission submission = claims.submission(claimId);
    Instant now = clock.instant();
    batches.queue(claimId, submission, now);
    claims.updateStatus(claimId, "8".equals(submission.frequencyCode()) ? ClaimStatus.VOIDING : ClaimStatus.SUBMITTED, now);
    claims.addEvent(claimId, "SUBMISSION", "QUEUED", kind(submission) + " waits for the next batch to payer "
        + submission.payerId(), "system", now);
  }

  /** Whether some payer has a full batch waiting: it goes now, not on the schedule. */
  public boolean fullBatchWaiting() {
    return batches.waiting().stream().anyMatch(w -> w.claims() >= properties.maxClaims());
  }

  /** Writes every waiting claim into batch files (each in its own transaction); returns the new batches. */
  public List<UUID> formBatches() {
    List<UUID> formed = new ArrayList<>();
    for (ClaimBatchRepository.Waiting waiting : batches.waiting()) {
      int left = waiting.claims();
      while (left > 0) {
        UUID batch = transaction.execute(status -> form(waiting.payerId(), waiting.claimType()));
        if (batch == null) {
          break;
        }
        if (!NOTHING_TO_UPLOAD.equals(batch)) {
          formed.add(batch);
        }
        left -= properties.maxClaims();
      }
    }
    return formed;
  }

  private UUID form(String payerId, ClaimType type) {
    List<ClaimBatchRepository.Item> items = batches.takeWaiting(payerId, type, properties.maxClaims());
    if (items.isEmpty()) {
      return null;
    }
    Instant now = clock.instant();
    List<ClaimBatchRepository.Item> writable = new ArrayList<>(items);
    List<Claim837> claims837 = new ArrayList<>();
    for (ClaimBatchRepository.Item item : items) {
      claims837.add(Claim837Assembly.claim(claims.submission(item.claimId()), batches.parties(item.claimId())));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(type, claims837, out, controlNumbers);
    } catch (X12Exception whole) {
      // a claim our own 837 schema refuses never leaves: it goes back to a person at once, the rest go out
      writable.clear();
      List<Claim837> good = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        try {
          write(type, List.of(claims837.get(i)), new ByteArrayOutputStream(), TRIAL_NUMBERS);
          writable.add(items.get(i));
          good.add(claims837.get(i));
        } catch (X12Exception e) {
          acknowledgments.notSent(items.get(i), e.problems());
        }
      }
      if (writable.isEmpty()) {
        return NOTHING_TO_UPLOAD; // every claim went back for correction
      }
      claims837 = good;
      out = new ByteArrayOutputStream();
      write(type, claims837, out, controlNumbers);
    }
    byte[] content = out.toByteArray();
    String text = new String(content, StandardCharsets.US_ASCII);
    List<String> setNumbers = new ArrayList<>();
    Matcher st = ST02.matcher(text);
    while (st.find()) {
      setNumbers.add(st.group(1));
    }
    Matcher gs = GS06.matcher(text);
    if (setNumbers.size() != writable.size() || !gs.find()) {
      throw new IllegalStateException("837 batch for payer " + payerId + " has " + setNumbers.size() + " sets for "
          + writable.size() + " claims");
    }
    String interchange = text.substring(90, 99);
    UUID batchId = UUID.randomUUID();
    String fileName = (type == ClaimType.PROFESSIONAL ? "837P" : "837I") + "-" + payerId + "-"
        + STAMP.format(LocalDateTime.ofInstant(now, ZoneOffset.UTC)) + "-" + interchange + ".x12";
    batches.insertBatch(new ClaimBatchRepository.Batch(batchId, payerId, type, fileName, interchange, gs.group(1), content,
        "READY"), sha256(content), writable.size(), now);
    for (int i = 0; i < writable.size(); i++) {
      batches.assign(writable.get(i).id(), batchId, setNumbers.get(i));
      claims.addEvent(writable.get(i).claimId(), "SUBMISSION", "BATCHED", "in batch file " + fileName + " (ISA13 "
          + interchange + ", GS06 " + gs.group(1) + ", ST02 " + setNumbers.get(i) + ")", "system", now);
    }
    log.info("Claim batch {} for payer {}: {} claims in {}", batchId, payerId, writable.size(), fileName);
    return batchId;
  }

  private void write(ClaimType type, List<Claim837> claims837, ByteArrayOutputStream out, ControlNumbers numbers) {
    org.revcycle.x12.claim.ClaimType x12Type = type == ClaimType.PROFESSIONAL
        ? org.revcycle.x12.claim.ClaimType.PROFESSIONAL : org.revcycle.x12.claim.ClaimType.INSTITUTIONAL;
    LocalDateTime now = LocalDateTime.now(clock);
    List<ClaimBatch> sets = claims837.stream().map(c -> new ClaimBatch(new ClaimBatchHeader(x12Type,
        c.patientControlNumber(), now.toLocalDate(), now.toLocalTime().withNano(0), "CH",
        new Submitter(PartyName.organization(properties.submitterName()), properties.submitterId(),
            new Contact("BILLING OFFICE", properties.submitterPhone(), null, null)),
        new Receiver(properties.receiverName(), properties.receiverId())), List.of(c))).toList();
    new Claim837Writer(numbers, clock).write(out, InterchangeParties.of(properties.submitterId(), properties.receiverId(),
        properties.usage()), sets);
  }

  /** Uploads the batch file as written. Throws when the clearinghouse cannot be reached: the engine retries. */
  public void upload(UUID batchId) {
    ClaimBatchRepository.Batch batch = batches.batch(batchId)
        .orElseThrow(() -> new IllegalArgumentException("No claim batch " + batchId));
    if (!"READY".equals(batch.status())) {
      return; // uploaded already (a retry after the upload went through)
    }
    mailbox.upload(batch.fileName(), batch.content());
    Instant now = clock.instant();
    transaction.executeWithoutResult(status -> {
      batches.markUploaded(batchId, now);
      for (ClaimBatchRepository.Item item : batches.items(batchId)) {
        claims.addEvent(item.claimId(), "SUBMISSION", "SENT", "batch file " + batch.fileName() + " uploaded", "system", now);
      }
    });
  }

  private static String kind(ClaimSubmission submission) {
    return switch (String.valueOf(submission.frequencyCode())) {
      case "7" -> "replacement claim (frequency 7, payer claim " + submission.payerClaimNumber() + ")";
      case "8" -> "void (frequency 8, payer claim " + submission.payerClaimNumber() + ")";
      default -> "original claim";
    };
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
