package org.revcycle.encounter;

import java.util.List;

/**
 * The EHR, as intake needs it: the encounters closed since the last call. Implementations: the
 * sandbox; FHIR R4 and HL7v2 ones follow.
 */
public interface Ehr {

  List<ClosedEncounter> newlyClosedEncounters(int max);
}
