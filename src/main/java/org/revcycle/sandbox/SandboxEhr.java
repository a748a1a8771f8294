package org.revcycle.sandbox;

import java.time.Clock;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Resource;
import org.revcycle.encounter.ClosedEncounter;

/**
 * The sandbox EHR's records, which its FHIR server ({@link SandboxFhirServer}) serves: the six
 * hospitals and forty clinics, and the encounters they close at the configured rate. Encounters
 * close as time passes, counted when someone searches for them (as a poll does), so nothing runs
 * in the background. Tests may close a given encounter or store any resource (a broken one too).
 */
public class SandboxEhr {

  private final SyntheticEncounters encounters;
  private final SandboxProperties properties;
  private final SandboxFhirRecords records;
  private final Clock clock;
  private final Map<String, Resource> resources = new ConcurrentHashMap<>();
  private long lastCall = System.nanoTime();
  private double owed;

  SandboxEhr(SyntheticEncounters encounters, SandboxProperties properties, SandboxNetwork network, Clock clock) {
    this.encounters = encounters;
    this.properties = properties;
    this.records = new SandboxFhirRecords(network);
    this.clock = clock;
    records.masterData().forEach(this::store);
  }

  /** Closes the encounters owed at the configured rate since the last call. */
  synchronized void closeDue() {
    long now = System.nanoTime();
    owed += (now - lastCall) / 60e9 * properties.encountersPerMinute();
    lastCall = now;
    int count = (int) Math.min(500, Math.floor(owed));
    owed -= count;
    encounters.next(count).forEach(this::close);
  }

  /** Closes this encounter in the EHR: its resources are stored, last updated now. Returns the Encounter id. */
  public String close(ClosedEncounter encounter) {
    List<Resource> list = records.encounter(encounter);
    // the Encounter last, so a poll never sees it before what it references
    for (int i = list.size() - 1; i >= 0; i--) {
      store(list.get(i));
    }
    return encounter.sourceId();
  }

  /** Stores a resource as it is (a test's incomplete or contradictory record), version 1, last updated now. */
  public void store(Resource resource) {
    resource.getMeta().setLastUpdated(Date.from(clock.instant()));
    if (!resource.getMeta().hasVersionId()) {
      resource.getMeta().setVersionId("1");
    }
    resources.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
  }

  <T extends Resource> Optional<T> read(Class<T> type, String id) {
    return Optional.ofNullable(resources.get(type.getSimpleName() + "/" + id)).filter(type::isInstance).map(type::cast);
  }

  <T extends Resource> List<T> search(Class<T> type, Predicate<T> where) {
    return resources.values().stream().filter(type::isInstance).map(type::cast).filter(where)
        .sorted(Comparator.comparing((T r) -> r.getMeta().getLastUpdated()).thenComparing(r -> r.getIdElement().getIdPart()))
        .toList();
  }
}
