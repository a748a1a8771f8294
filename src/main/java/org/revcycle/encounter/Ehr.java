package org.revcycle.encounter;

import java.time.Instant;
import java.util.List;

/**
 * The EHR, as intake needs it: which encounters finished since a point in time, and one encounter
 * with everything it references. Implementation: {@code FhirEhr} (FHIR R4), pointed at the
 * sandbox's FHIR server by default.
 */
public interface Ehr {

  /** The name intake files this EHR's encounters under; with the encounter id, the key of an encounter. */
  String sourceSystem();

  /** Encounters finished and last updated at or after {@code since}, oldest first, at most {@code max}. */
  List<EncounterChange> finishedSince(Instant since, int max);

  /** The encounter with its patient, coverage, diagnoses, charges and providers, mapped for intake. */
  EhrEncounter read(String encounterId);

  record EncounterChange(String encounterId, Instant lastUpdated) {}
}
