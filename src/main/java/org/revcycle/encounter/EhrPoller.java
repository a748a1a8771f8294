package org.revcycle.encounter;

import org.revcycle.platform.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Pulls newly closed encounters from the EHR into intake. Off in tests; on in the default run. */
@Component
@ConditionalOnProperty(name = "revcycle.ehr.polling.enabled", havingValue = "true")
public class EhrPoller {

  static final String CHANNEL = "ehr/poll";
  private static final Logger log = LoggerFactory.getLogger(EhrPoller.class);

  private final Ehr ehr;
  private final EncounterInbox inbox;

  public EhrPoller(Ehr ehr, EncounterInbox inbox) {
    this.ehr = ehr;
    this.inbox = inbox;
  }

  @Scheduled(fixedDelayString = "${revcycle.ehr.polling.interval:PT1S}")
  public void poll() {
    for (ClosedEncounter encounter : ehr.newlyClosedEncounters(200)) {
      try {
        inbox.receive(CHANNEL, encounter);
      } catch (InvalidInputException e) {
        // kept in inbound_message with the reason; the log names the source, never the patient
        log.warn("Encounter {}/{} refused: {}", encounter.sourceSystem(), encounter.sourceId(), e.field());
      } catch (RuntimeException e) {
        // recorded as received; the rest of the batch goes on and this one can be replayed
        log.error("Encounter {}/{} could not be taken in", encounter.sourceSystem(), encounter.sourceId(), e);
      }
    }
  }
}
