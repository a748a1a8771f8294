package org.revcycle.claim;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.revcycle.encounter.EncounterToCashProcess;
import org.revcycle.workqueue.WorkQueueRouter;
import org.revcycle.x12.X12Problem;
import org.revcycle.x12.acknowledgment.ClaimAcknowledgment;
import org.revcycle.x12.acknowledgment.ClaimAcknowledgmentReport;
import org.revcycle.x12.acknowledgment.ElementError;
import org.revcycle.x12.acknowledgment.FunctionalAcknowledgment;
import org.revcycle.x12.acknowledgment.FunctionalAcknowledgmentReport;
import org.revcycle.x12.acknowledgment.SegmentError;
import org.revcycle.x12.acknowledgment.TransactionSetResponse;
import org.revcycle.x12.status.ClaimStatusCode;
import org.revcycle.x12.status.StatusInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the clearinghouse and the payer said of each claim sent: the 999 about its transaction set
 * (matched by GS06 and ST02), then the 277CA about the claim (matched by patient control number).
 * Each answer is recorded on the claim once, in words a biller acts on (claim, segment, field), and
 * wakes the claim's process; an answer already recorded is not acted on again.
 */
@Service
public class ClaimAcknowledgments {

  private static final Logger log = LoggerFactory.getLogger(ClaimAcknowledgments.class);

  /** What an 837 element is, in the words of the claim form, for the segments a rejection usually names. */
  private static final Map<String, String> FIELDS = Map.ofEntries(
      Map.entry("CLM01", "the patient control number"), Map.entry("CLM02", "the claim's total charge"),
      Map.entry("CLM05", "place of service or type of bill and frequency"),
      Map.entry("NM103", "the last or organization name"), Map.entry("NM104", "the first name"),
      Map.entry("NM109", "the identifier (member id or NPI)"), Map.entry("DMG02", "the birth date"),
      Map.entry("DMG03", "the sex"), Map.entry("SV101", "the line's procedure code"),
      Map.entry("SV102", "the line's charge"), Map.entry("SV104", "the line's units"),
      Map.entry("SV201", "the line's revenue code"), Map.entry("SV203", "the line's charge"),
      Map.entry("SV205", "the line's units"), Map.entry("HI01", "the principal diagnosis"),
      Map.entry("REF02", "the reference number (prior authorization or payer claim number)"),
      Map.entry("DTP03", "a date"), Map.entry("N301", "the street address"), Map.entry("N401", "the city"),
      Map.entry("N402", "the state"), Map.entry("N403", "the ZIP code"), Map.entry("SBR09", "the claim filing indicator"));

  /** An answer that came before the one it follows (a 277CA before its 999): to be taken in later, not refused. */
  public static class NotYetExpected extends RuntimeException {
    public NotYetExpected(String message) {
      super(message);
    }
  }

  private final ClaimRepository claims;
  private final ClaimBatchRepository batches;
  private final WorkQueueRouter router;
  private final ClaimSubmissionWorkflow workflow;
  private final Clock clock;

  public ClaimAcknowledgments(ClaimRepository claims, ClaimBatchRepository batches, WorkQueueRouter router,
      ClaimSubmissionWorkflow workflow, Clock clock) {
    this.claims = claims;
    this.batches = batches;
    this.router = router;
    this.workflow = workflow;
    this.clock = clock;
  }

  /** Our own 837 schema refused the claim: it is not sent, and goes back to a person as a 999 rejection would. */
  void notSent(ClaimBatchRepository.Item item, List<X12Problem> problems) {
    List<String> lines = new ArrayList<>();
    lines.add("Claim " + item.patientControlNumber() + " was not sent: its 837 breaks the implementation guide.");
    for (X12Problem problem : problems) {
      String element = problem.location().segmentTag() == null || problem.location().elementPosition() == 0 ? null
          : problem.location().segmentTag() + String.format("%02d", problem.location().elementPosition());
      lines.add("Segment " + problem.location().segmentTag() + (element == null ? "" : ", field " + element
          + Optional.ofNullable(FIELDS.get(element)).map(f -> " (" + f + ")").orElse("")) + ": " + problem.message());
    }
    lines.add("Correct the claim and complete this task to send it again.");
    batches.recordFunctional(item.id(), "NOT_SENT", clock.instant());
    reject(item, "999", String.join("\n", lines));
  }

  /** A 999: the verdict on each set of a batch we sent. Returns how many claims it answered. */
  @Transactional
  public int functional(FunctionalAcknowledgmentReport report, String fileName) {
    int answered = 0;
    for (FunctionalAcknowledgment ack : report.acknowledgments()) {
      Optional<UUID> batch = batches.batchByGroup(ack.groupControlNumber());
      if (batch.isEmpty()) {
        log.warn("999 file {} answers group {}, which revcycle did not send", fileName, ack.groupControlNumber());
        continue;
      }
      for (ClaimBatchRepository.Item item : batches.items(batch.get())) {
        if (item.functionalStatus() != null) {
          continue; // answered before
        }
        TransactionSetResponse set = ack.set(item.transactionControlNumber());
        boolean accepted = set != null ? set.status().isAccepted() : ack.groupStatus().isAccepted();
        Instant now = clock.instant();
        batches.recordFunctional(item.id(), accepted ? "ACCEPTED" : "REJECTED", now);
        answered++;
        if (accepted) {
          claims.addEvent(item.claimId(), "SUBMISSION", "999_ACCEPTED", "set " + item.transactionControlNumber()
              + " accepted by the clearinghouse (999 file " + fileName + ")", "system", now);
          workflow.acknowledge(item.patientControlNumber(), ClaimSubmissionProcess.MESSAGE_FUNCTIONAL_ACKNOWLEDGMENT,
              Map.of(EncounterToCashProcess.VAR_CLAIM_ACCEPTED, true));
        } else {
          reject(item, "999", describe(item, set, ack, fileName));
        }
      }
      batches.markAcknowledged(batch.get());
    }
    return answered;
  }

  private static String describe(ClaimBatchRepository.Item item, TransactionSetResponse set, FunctionalAcknowledgment ack,
      String fileName) {
    List<String> lines = new ArrayList<>();
    lines.add("Claim " + item.patientControlNumber() + ": the clearinghouse rejected its 837 (999 file " + fileName
        + ", set " + item.transactionControlNumber() + ").");
    if (set == null) {
      lines.add("The whole batch (group " + ack.groupControlNumber() + ") was rejected: " + ack.groupStatusCode().description()
          + ack.groupErrors().stream().map(e -> "; " + e.description()).reduce("", String::concat));
    } else {
      set.reasons().forEach(r -> lines.add("Set: " + r.description()));
      for (SegmentError error : set.segmentErrors()) {
        String segment = "Segment " + error.segmentId() + " (position " + error.position()
            + (error.loopId() == null ? "" : ", loop " + error.loopId()) + ")";
        if (error.elementErrors().isEmpty()) {
          lines.add(segment + ": " + (error.error() == null ? "in error" : error.error().description()));
        }
        for (ElementError element : error.elementErrors()) {
          String field = error.segmentId() + String.format("%02d", element.elementPosition());
          lines.add(segment + ", field " + field + Optional.ofNullable(FIELDS.get(field)).map(f -> " (" + f + ")").orElse("")
              + ": " + element.error().description());
        }
      }
    }
    lines.add("Correct the claim and complete this task to send it again.");
    return String.join("\n", lines);
  }

  /** A 277CA: the payer's verdict on each claim. Returns how many claims it answered. */
  @Transactional
  public int claimAcknowledgments(ClaimAcknowledgmentReport report, String fileName) {
    int answered = 0;
    for (ClaimAcknowledgment ack : report.claims()) {
      Optional<ClaimBatchRepository.Item> sent = batches.latestSent(ack.patientControlNumber());
      if (sent.isPresent() && sent.get().functionalStatus() == null) {
        // the 999 of its set has not been read yet: the whole file waits for the next poll
        throw new NotYetExpected("277CA file " + fileName + " answers claim " + ack.patientControlNumber()
            + " before the 999 of its set was read; it is taken in again on the next poll");
      }
      if (sent.isEmpty() || !"ACCEPTED".equals(sent.get().functionalStatus()) || sent.get().claimStatusCategory() != null) {
        log.info("277CA file {}: claim {} was not waiting for an acknowledgment; recorded in the file only", fileName,
            ack.patientControlNumber());
        continue;
      }
      ClaimBatchRepository.Item item = sent.get();
      Instant now = clock.instant();
      batches.recordClaimStatus(item.id(), ack.statusCategory(), ack.payerClaimControlNumber(), now);
      answered++;
      if (ack.isAccepted()) {
        boolean intoAdjudication = ack.statuses().stream().anyMatch(s -> "A2".equals(s.category()));
        if (intoAdjudication) {
          claims.recordSubmission(item.claimId(), ClaimStatus.ACCEPTED, now);
        }
        claims.addEvent(item.claimId(), "SUBMISSION", intoAdjudication ? "ACCEPTED" : "RECEIVED",
            "277CA " + ack.statusCategory() + " from payer " + item.payerId()
                + (ack.payerClaimControlNumber() == null ? "" : ", payer claim " + ack.payerClaimControlNumber()),
            "system", now);
        workflow.acknowledge(item.patientControlNumber(), ClaimSubmissionProcess.MESSAGE_CLAIM_ACKNOWLEDGMENT,
            Map.of(EncounterToCashProcess.VAR_CLAIM_ACCEPTED, true));
      } else {
        reject(item, "277CA", describe(item, ack));
      }
    }
    return answered;
  }

  private static String describe(ClaimBatchRepository.Item item, ClaimAcknowledgment ack) {
    List<String> lines = new ArrayList<>();
    lines.add("Claim " + item.patientControlNumber() + ": payer " + item.payerId() + " returned it unprocessed (277CA).");
    for (StatusInformation status : ack.statuses()) {
      ClaimStatusCode code = status.codes().get(0);
      String head = code.category() + " " + code.categoryDescription()
          + (code.status() == null ? "" : ", status code " + code.status())
          + (code.entity() == null ? "" : ", about entity " + code.entity());
      lines.add(status.message() == null ? head : status.message() + " [" + head + "]");
    }
    lines.add("Correct the claim and complete this task to send it again.");
    return String.join("\n", lines);
  }

  private void reject(ClaimBatchRepository.Item item, String by, String reasons) {
    Instant now = clock.instant();
    claims.recordSubmission(item.claimId(), ClaimStatus.REJECTED, now);
    claims.addEvent(item.claimId(), "SUBMISSION", "REJECTED", ClaimSubmissions.truncate(by + ": " + reasons), "system", now);
    WorkQueueRouter.Route route = router.route(item.claimId(), "CLAIM_REJECTION",
        claims.submission(item.claimId()).totalCharge());
    Map<String, Object> variables = new HashMap<>();
    variables.put(EncounterToCashProcess.VAR_CLAIM_ACCEPTED, false);
    variables.put(EncounterToCashProcess.VAR_REJECTION_REASONS, reasons);
    variables.put(EncounterToCashProcess.VAR_EDIT_QUEUE, route.queue());
    variables.put(EncounterToCashProcess.VAR_EDIT_PRIORITY, route.priority());
    variables.put(EncounterToCashProcess.VAR_EDIT_DUE_DATE, route.due());
    workflow.acknowledge(item.patientControlNumber(), "999".equals(by)
        ? ClaimSubmissionProcess.MESSAGE_FUNCTIONAL_ACKNOWLEDGMENT : ClaimSubmissionProcess.MESSAGE_CLAIM_ACKNOWLEDGMENT,
        variables);
  }
}
