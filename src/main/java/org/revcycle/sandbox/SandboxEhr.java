package org.revcycle.sandbox;

import java.util.List;
import org.revcycle.encounter.ClosedEncounter;
import org.revcycle.encounter.Ehr;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** An EHR whose six hospitals and forty clinics close encounters at the configured rate. */
@Component
@ConditionalOnProperty(name = "revcycle.sandbox.enabled", havingValue = "true", matchIfMissing = true)
public class SandboxEhr implements Ehr {

  private final SyntheticEncounters encounters;
  private final SandboxProperties properties;
  private long lastCall = System.nanoTime();
  private double owed;

  public SandboxEhr(SyntheticEncounters encounters, SandboxProperties properties) {
    this.encounters = encounters;
    this.properties = properties;
  }

  @Override
  public synchronized List<ClosedEncounter> newlyClosedEncounters(int max) {
    long now = System.nanoTime();
    owed += (now - lastCall) / 60e9 * properties.encountersPerMinute();
    lastCall = now;
    int count = (int) Math.min(max, Math.floor(owed));
    owed -= count;
    return encounters.next(count);
  }
}
