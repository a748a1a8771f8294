package org.revcycle.claim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.revcycle.workqueue.WorkQueueRouter;
import org.springframework.stereotype.Service;

/** Asks the payer for a claim's status (276/277) when its remittance is late. (Sending goes through ClaimBatches.) */
@Service
public class ClaimSubmissions {

  private final ClaimRepository claims;
  private final ClaimStatusInquiry statusInquiry;
  private final WorkQueueRouter router;
  private final Clock clock;
  private final ClaimStatusPollingProperties polling;

  public ClaimSubmissions(ClaimRepository claims, ClaimStatusInquiry statusInquiry, WorkQueueRouter router, Clock clock,
      ClaimStatusPollingProperties polling) {
    this.polling = polling;
    this.statusInquiry = statusInquiry;
    this.claims = claims;
    this.router = router;
    this.clock = clock;
  }

  /**
   * Asks the payer (276/277). A claim still pending is asked about again on the payer's interval,
   * until its timely filing limit comes near: then, or when the payer does not know the claim (A4),
   * a person follows up, while there is still time to send it again.
   */
  public StatusRequestOutcome requestStatus(UUID claimId) {
    ClaimSubmission submission = claims.submission(claimId);
    ClaimStatusInquiry.StatusReport report = statusInquiry.status(submission);
    Instant now = clock.instant();
    claims.addEvent(claimId, "ADJUDICATION", "STATUS_" + report.category(), report.description(), "system", now);
    if (report.finalized()) {
      return new StatusRequestOutcome(true, report.denied(), report.category() + ": " + report.description(), null,
          false, polling.interval(submission.payerId()));
    }
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate escalateOn = claims.timelyFilingDays(claimId).isEmpty() || submission.serviceDate() == null ? today
        : submission.serviceDate().plusDays(claims.timelyFilingDays(claimId).getAsInt())
            .minus(polling.escalateBeforeTimelyFiling());
    boolean escalate = "A4".equals(report.category()) || !today.isBefore(escalateOn);
    // never poll past the day a person must take over
    Duration untilEscalation = Duration.between(now, escalateOn.atStartOfDay(ZoneOffset.UTC).toInstant());
    Duration next = polling.interval(submission.payerId());
    if (!escalate && untilEscalation.compareTo(next) < 0) {
      next = untilEscalation.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : untilEscalation;
    }
    WorkQueueRouter.Route route = escalate ? router.route(claimId, "LATE_CLAIM", submission.totalCharge()) : null;
    String text = report.category() + ": " + report.description()
        + (escalate ? "; follow up now: " + ("A4".equals(report.category()) ? "the payer does not know the claim"
            : "the payer's timely filing limit is near (escalation date " + escalateOn + ")")
            : "; asked again in " + next);
    return new StatusRequestOutcome(false, false, text, route, escalate, next);
  }

  /**
   * Finalized at the payer (denied: F2), or not; whether a person must follow up now (with the
   * task's route), and when to ask again otherwise.
   */
  public record StatusRequestOutcome(boolean finalized, boolean denied, String report, WorkQueueRouter.Route route, boolean escalate,
      Duration nextPoll) {}

  static String truncate(String s) {
    return s.length() <= 500 ? s : s.substring(0, 497) + "...";
  }
}
