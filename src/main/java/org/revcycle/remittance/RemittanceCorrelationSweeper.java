package org.revcycle.remittance;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Catches the rare remittance that arrived while its claim's process was between steps (not yet
 * waiting, or in a follow-up task): it tries the wake-up again until the process has taken it.
 */
@Component
@ConditionalOnProperty(name = "revcycle.remittance.correlation-sweeper.enabled", havingValue = "true", matchIfMissing = true)
public class RemittanceCorrelationSweeper {

  private final RemittanceRepository remittances;
  private final RemittanceWorkflow workflow;
  private final Clock clock;

  public RemittanceCorrelationSweeper(RemittanceRepository remittances, RemittanceWorkflow workflow,
      Clock clock) {
    this.remittances = remittances;
    this.workflow = workflow;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${revcycle.remittance.correlation-sweeper.interval:PT2S}")
  public void retryWakeUps() {
    for (String pcn : remittances.awaitingTheirProcess(clock.instant().minus(Duration.ofSeconds(1)), 200)) {
      workflow.notifyArrival(pcn);
    }
  }
}
