package org.revcycle.claim;

import java.time.Clock;
import java.util.UUID;
import org.revcycle.workqueue.WorkQueueRouter;
import org.springframework.stereotype.Service;

/** Asks the payer for a claim's status (276/277) and records what came back. (Sending goes through ClaimBatches.) */
@Service
public class ClaimSubmissions {

  private final ClaimRepository claims;
  private final ClaimStatusInquiry statusInquiry;
  private final WorkQueueRouter router;
  private final Clock clock;

  public ClaimSubmissions(ClaimRepository claims, ClaimStatusInquiry statusInquiry, WorkQueueRouter router, Clock clock) {
    this.statusInquiry = statusInquiry;
    this.claims = claims;
    this.router = router;
    this.clock = clock;
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
