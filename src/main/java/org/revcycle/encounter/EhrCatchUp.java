package org.revcycle.encounter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.revcycle.platform.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Takes in what the EHR finished since the last catch-up (FHIR _lastUpdated): run on a schedule by
 * {@link EhrPoller} (the fallback when a notification is lost, and the demo feed of the default
 * run), and at once when the EHR sends a notification without payload.
 */
@Service
public class EhrCatchUp {

  public static final String CHANNEL = "ehr/poll";
  private static final Logger log = LoggerFactory.getLogger(EhrCatchUp.class);

  private final Ehr ehr;
  private final EncounterInbox inbox;
  private final EncounterRepository encounters;
  private final EhrCursor cursor;
  private final Clock clock;
  private final Duration firstLookBack;
  private final int batchSize;

  public EhrCatchUp(Ehr ehr, EncounterInbox inbox, EncounterRepository encounters, EhrCursor cursor, Clock clock,
      @Value("${revcycle.ehr.polling.first-look-back:P1D}") Duration firstLookBack,
      @Value("${revcycle.ehr.polling.batch-size:100}") int batchSize) {
    this.ehr = ehr;
    this.inbox = inbox;
    this.encounters = encounters;
    this.cursor = cursor;
    this.clock = clock;
    this.firstLookBack = firstLookBack;
    this.batchSize = batchSize;
  }

  /** Returns how many encounters were looked at. */
  public synchronized int run() {
    String source = ehr.sourceSystem();
    Instant since = cursor.position(source).orElseGet(() -> clock.instant().minus(firstLookBack));
    List<Ehr.EncounterChange> changes;
    try {
      changes = ehr.finishedSince(since, batchSize);
    } catch (RuntimeException e) {
      log.warn("Polling EHR {} failed; trying again at the next poll: {}", source, e.getMessage());
      return 0;
    }
    Instant reached = since;
    for (Ehr.EncounterChange change : changes) {
      // the search is inclusive (ge): what a notification or the last poll already took in is skipped
      if (encounters.findEncounterId(source, change.encounterId()).isEmpty()) {
        if (!takeIn(source, change.encounterId())) {
          break; // the EHR failed mid-batch: stop here, so the next poll starts again with this one
        }
      }
      if (change.lastUpdated().isAfter(reached)) {
        reached = change.lastUpdated();
      }
    }
    if (reached.isAfter(since)) {
      cursor.moveTo(source, reached, clock.instant());
    }
    return changes.size();
  }

  /** False when the EHR could not be read: a refused encounter is taken as done (it is kept with its reason). */
  private boolean takeIn(String source, String encounterId) {
    EhrEncounter read;
    try {
      read = ehr.read(encounterId);
    } catch (RuntimeException e) {
      log.warn("Encounter {}/{} could not be read from the EHR: {}", source, encounterId, e.getMessage());
      return false;
    }
    try {
      inbox.receive(CHANNEL, read);
    } catch (InvalidInputException e) {
      // kept in inbound_message with the reason; the log names the source, never the patient
      log.warn("Encounter {}/{} refused: {}", source, encounterId, e.field());
    } catch (RuntimeException e) {
      log.error("Encounter {}/{} could not be taken in", source, encounterId, e);
    }
    return true;
  }
}
