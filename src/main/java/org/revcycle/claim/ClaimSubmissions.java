package org.revcycle.claim;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.revcycle.workqueue.WorkQueueRouter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sends a claim to the clearinghouse and records what came back. */
@Service
public class ClaimSubmissions {

  private final ClaimRepository claims;
  private final Clearinghouse clearinghouse;
  private final ClaimStatusInquiry statusInquiry;
  private final WorkQueueRouter router;
  private final Clock clock;

  public ClaimSubmissions(ClaimRepository claims, Clearinghouse clearinghouse, ClaimStatusInquiry statusInquiry,
      WorkQueueRouter router, Clock clock) {
    this.statusInquiry = statusInquiry;
    this.claims = claims;
    this.clearinghouse = clearinghouse;
    this.router = router;
    this.clock = clock;
  }

  /** The outcome: accepted, or rejected with reasons and the queue that corrects it. */
  public record Outcome(boolean accepted, String rejectionReasons, WorkQueueRouter.Route route) {}

  @Transactional
  public Outcome submit(UUID claimId) {
    ClaimSubmission submission = claims.submission(claimId);
    Clearinghouse.Acknowledgment ack = clearinghouse.submit(submission);
    Instant now = clock.instant();
    String kind = "7".equals(submission.frequencyCode()) ? "replacement claim" : "original claim";
    if (ack.accepted()) {
      claims.recordSubmission(claimId, ClaimStatus.ACCEPTED, now);
      claims.addEvent(claimId, "SUBMISSION", "ACCEPTED", kind + ", clearinghouse reference " + ack.reference(),
          "system", now);
      return new Outcome(true, null, null);
    }
    String reasons = String.join("\n", ack.rejectionReasons());
    claims.recordSubmission(claimId, ClaimStatus.REJECTED, now);
    claims.addEvent(claimId, "SUBMISSION", "REJECTED", truncate(reasons), "system", now);
    return new Outcome(false, reasons, router.route(claimId, "CLAIM_REJECTION", submission.totalCharge()));
  }

  public StatusRequestOutcome requestStatus(UUID claimId) {
    ClaimSubmission submission = claims.submission(claimId);
    ClaimStatusInquiry.StatusReport report = statusInquiry.status(submission);
    claims.addEvent(claimId, "ADJUDICATION", "STATUS_" + report.category(), report.description(), "system",
        clock.instant());
    // still open at the payer: a person follows up, on the late-claim service level
    WorkQueueRouter.Route route = report.finalized() ? null
        : router.route(claimId, "LATE_CLAIM", submission.totalCharge());
    return new StatusRequestOutcome(report.finalized(), report.category() + ": " + report.description(), route);
  }

  /** Finalized at the payer, or not, with the follow-up task's route (null when finalized). */
  public record StatusRequestOutcome(boolean finalized, String report, WorkQueueRouter.Route route) {}

  static String truncate(String s) {
    return s.length() <= 500 ? s : s.substring(0, 497) + "...";
  }
}
