package org.revcycle.claim;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the waiting claims on the configured schedule ({@code revcycle.clearinghouse.batch.interval}),
 * and at once when a payer has a full batch waiting.
 */
@Component
public class ClaimBatchScheduler {

  private final ClaimBatches batches;
  private final ClaimSubmissionWorkflow workflow;
  private final ClaimBatchProperties properties;
  private final Clock clock;
  private Instant lastRun = Instant.EPOCH;

  public ClaimBatchScheduler(ClaimBatches batches, ClaimSubmissionWorkflow workflow, ClaimBatchProperties properties,
      Clock clock) {
    this.batches = batches;
    this.workflow = workflow;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${revcycle.clearinghouse.batch.check-interval:PT0.5S}")
  public void tick() {
    Instant now = clock.instant();
    if (!now.isBefore(lastRun.plus(properties.interval())) || batches.fullBatchWaiting()) {
      lastRun = now;
      sendWaiting();
    }
  }

  /** Forms the batches of every claim waiting now and starts their uploads. */
  public synchronized int sendWaiting() {
    int started = 0;
    for (UUID batch : batches.formBatches()) {
      workflow.startUpload(batch);
      started++;
    }
    return started;
  }
}
