package org.revcycle.sandbox;

import jakarta.annotation.PreDestroy;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.revcycle.claim.ClaimSubmission;
import org.revcycle.claim.Clearinghouse;
import org.revcycle.remittance.ClaimAdjudication;
import org.revcycle.remittance.RemittanceFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A clearinghouse with payers behind it: front-end edits answer at once; an accepted claim is
 * adjudicated after the configured delay and its remittance delivered as an 835 file to
 * remittance intake, the way a real 835 arrives: later, on its own.
 */
@Component
@ConditionalOnProperty(name = "revcycle.sandbox.enabled", havingValue = "true", matchIfMissing = true)
public class SandboxClearinghouse implements Clearinghouse {

  private static final Logger log = LoggerFactory.getLogger(SandboxClearinghouse.class);

  private final SandboxPayers payers;
  private final RemittanceFiles remittanceFiles;
  private final SandboxRemittanceFiles payerFiles;
  private final SandboxProperties properties;
  private final ScheduledExecutorService payerThreads = Executors.newScheduledThreadPool(2, r -> {
    Thread t = new Thread(r, "sandbox-payers");
    t.setDaemon(true);
    return t;
  });
  private final SandboxClaimStatuses statuses;
  private final AtomicLong references = new AtomicLong();

  public SandboxClearinghouse(SandboxPayers payers, @Lazy RemittanceFiles remittanceFiles, SandboxRemittanceFiles payerFiles,
      SandboxProperties properties, SandboxClaimStatuses statuses) {
    this.statuses = statuses;
    this.payers = payers;
    this.remittanceFiles = remittanceFiles;
    this.payerFiles = payerFiles;
    this.properties = properties;
  }

  @Override
  public Acknowledgment submit(ClaimSubmission claim) {
    String reference = "SBX" + references.incrementAndGet();
    SandboxPayers.FrontEndResult front = payers.check(claim);
    if (!front.accepted()) {
      return new Acknowledgment(false, reference, front.reasons());
    }
    statuses.received(claim.patientControlNumber(), reference);
    // a payer sees the claim only once the submission is committed, as with a real file drop
    Runnable adjudicate = () -> payerThreads.schedule(() -> adjudicate(claim),
        properties.adjudicationDelay().toMillis(), TimeUnit.MILLISECONDS);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          adjudicate.run();
        }
      });
    } else {
      adjudicate.run();
    }
    return new Acknowledgment(true, reference, List.of());
  }

  private void adjudicate(ClaimSubmission claim) {
    ClaimAdjudication adjudication = payers.adjudicate(claim, LocalDate.now());
    // the decision travels as an 835 file, written once and delivered until it is taken
    byte[] file = payerFiles.write(claim, adjudication);
    for (int attempt = 1; ; attempt++) {
      try {
        remittanceFiles.receive(file, "sandbox-clearinghouse");
        statuses.adjudicated(claim.patientControlNumber(), adjudication);
        return;
      } catch (RuntimeException e) {
        if (attempt >= 5) {
          log.error("Sandbox payer could not deliver the remittance for claim {}", claim.patientControlNumber(), e);
          return;
        }
        sleep(200L * attempt);
      }
    }
  }

  @PreDestroy
  void stop() {
    payerThreads.shutdownNow();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
