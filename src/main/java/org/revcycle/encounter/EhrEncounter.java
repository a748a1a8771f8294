package org.revcycle.encounter;

import java.util.List;

/**
 * An encounter as an EHR adapter read it: the message as received (for the inbound record), its
 * key (the FHIR resource version, the HL7 visit), the mapped encounter, and what was missing or
 * contradictory in it.
 */
public record EhrEncounter(String sourceKey, String payload, ClosedEncounter encounter, List<IntakeFinding> findings) {

  public EhrEncounter {
    findings = List.copyOf(findings);
  }
}
