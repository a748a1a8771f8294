package org.revcycle.encounter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Polls the EHR on a schedule. On in the default run (the demo feed); off in tests. */
@Component
@ConditionalOnProperty(name = "revcycle.ehr.polling.enabled", havingValue = "true")
public class EhrPoller {

  private final EhrCatchUp catchUp;

  public EhrPoller(EhrCatchUp catchUp) {
    this.catchUp = catchUp;
  }

  @Scheduled(fixedDelayString = "${revcycle.ehr.polling.interval:PT1S}")
  public void poll() {
    catchUp.run();
  }
}
