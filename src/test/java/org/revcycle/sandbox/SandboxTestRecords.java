package org.revcycle.sandbox;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Resource;
import org.revcycle.encounter.ClosedEncounter;

/** The FHIR resources the sandbox EHR keeps for an encounter, with the network's, for tests of other packages. */
public final class SandboxTestRecords {

  private SandboxTestRecords() {}

  public static List<Resource> of(SandboxNetwork network, ClosedEncounter encounter) {
    SandboxFhirRecords records = new SandboxFhirRecords(network);
    List<Resource> all = new ArrayList<>(records.encounter(encounter));
    all.addAll(records.masterData());
    return all;
  }
}
