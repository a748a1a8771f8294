package org.revcycle.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.revcycle.workqueue.WorkQueueRouter;

/** A late claim's 276: asked again on the payer's interval, escalated before the timely filing limit. */
class ClaimStatusPollingTest {

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private static final UUID CLAIM = UUID.randomUUID();

  private final ClaimRepository claims = mock(ClaimRepository.class);
  private final ClaimStatusInquiry inquiry = mock(ClaimStatusInquiry.class);
  private final WorkQueueRouter router = mock(WorkQueueRouter.class);
  private final ClaimSubmissions submissions = new ClaimSubmissions(claims, inquiry, router, Clock.fixed(NOW, ZoneOffset.UTC),
      new ClaimStatusPollingProperties(Duration.ofDays(7), Map.of("MCR", Duration.ofDays(14)), Period.ofDays(14)));

  private void claim(String payer, LocalDate serviceDate, int timelyFilingDays, String category) {
    when(claims.submission(CLAIM)).thenReturn(new ClaimSubmission("PCN-1", ClaimType.PROFESSIONAL, "1", null, payer, "M1",
        "SELF", null, null, "C07", "1234567893", null, null, null, serviceDate, null, null, List.of("I10"),
        List.of(new ClaimSubmission.Line(1, "99213", List.of(), null, BigDecimal.ONE, new BigDecimal("100.00"), serviceDate))));
    when(claims.timelyFilingDays(CLAIM)).thenReturn(OptionalInt.of(timelyFilingDays));
    when(inquiry.status(any())).thenReturn(new ClaimStatusInquiry.StatusReport(category, "status"));
    when(router.route(eq(CLAIM), anyString(), any()))
        .thenReturn(new WorkQueueRouter.Route("billing-specialists", 70, new java.util.Date(), null));
  }

  @Test
  void aPendingClaimFarFromItsLimitIsAskedAgainOnThePayersInterval() {
    claim("MCR", LocalDate.of(2026, 10, 1), 365, "P1");
    ClaimSubmissions.StatusRequestOutcome outcome = submissions.requestStatus(CLAIM);

    assertThat(outcome.finalized()).isFalse();
    assertThat(outcome.escalate()).isFalse();
    assertThat(outcome.nextPoll()).isEqualTo(Duration.ofDays(14));
    assertThat(outcome.route()).isNull();
    verify(router, never()).route(any(), anyString(), any());
  }

  @Test
  void theNextPollNeverFallsAfterTheEscalationDate() {
    claim("CMA", LocalDate.of(2026, 6, 13), 180, "P1");
    ClaimSubmissions.StatusRequestOutcome outcome = submissions.requestStatus(CLAIM);

    // limit 2026-12-10, escalation 2026-11-26 is past: follow up now
    assertThat(outcome.escalate()).isTrue();
    assertThat(outcome.route().queue()).isEqualTo("billing-specialists");
    assertThat(outcome.report()).contains("timely filing limit is near", "2026-11-26");

    claim("CMA", LocalDate.of(2026, 6, 20), 180, "P1");
    ClaimSubmissions.StatusRequestOutcome sooner = submissions.requestStatus(CLAIM);
    // limit 2026-12-17, escalation 2026-12-03: 5 days 14 hours away, sooner than the 7-day interval
    assertThat(sooner.escalate()).isFalse();
    assertThat(sooner.nextPoll()).isEqualTo(Duration.ofDays(5).plusHours(14));
  }

  @Test
  void aClaimThePayerDoesNotKnowIsFollowedUpAtOnce() {
    claim("CMA", LocalDate.of(2026, 11, 1), 180, "A4");
    ClaimSubmissions.StatusRequestOutcome outcome = submissions.requestStatus(CLAIM);
    assertThat(outcome.escalate()).isTrue();
    assertThat(outcome.report()).contains("does not know the claim");
  }

  @Test
  void aFinalizedClaimIsNotFollowedUp() {
    claim("CMA", LocalDate.of(2026, 6, 1), 180, "F1");
    ClaimSubmissions.StatusRequestOutcome outcome = submissions.requestStatus(CLAIM);
    assertThat(outcome.finalized()).isTrue();
    assertThat(outcome.escalate()).isFalse();
    assertThat(outcome.route()).isNull();
  }
}
