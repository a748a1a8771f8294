package org.revcycle.encounter.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.revcycle.encounter.IntakeFinding;

/**
 * A finished Encounter and everything a claim needs from it, as read from the EHR. Any of the
 * referenced resources may be null when the EHR did not have it; {@code findings} say why.
 *
 * @param subscriber the Coverage's subscriber: a Patient or a RelatedPerson
 */
record EncounterGraph(
    Encounter encounter,
    Patient patient,
    Coverage coverage,
    Organization payer,
    Resource subscriber,
    Organization serviceProvider,
    Location location,
    Practitioner practitioner,
    List<Condition> conditions,
    List<ChargeItem> chargeItems,
    Map<String, Procedure> procedures,
    List<IntakeFinding> findings,
    List<OtherCoverage> otherCoverages) {

  /** A coverage that pays after the primary (Coverage.order 2, 3), with its payer when the EHR has it. */
  record OtherCoverage(Coverage coverage, Organization payer) {}

  /** Everything read, as one collection Bundle: what is kept as the inbound message. */
  Bundle asBundle() {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    List<Resource> all = new ArrayList<>();
    all.add(encounter);
    all.add(patient);
    all.add(coverage);
    all.add(payer);
    otherCoverages.forEach(o -> {
      all.add(o.coverage());
      all.add(o.payer());
    });
    all.add(subscriber);
    all.add(serviceProvider);
    all.add(location);
    all.add(practitioner);
    all.addAll(conditions);
    all.addAll(chargeItems);
    all.addAll(procedures.values());
    for (Resource r : all) {
      if (r != null && bundle.getEntry().stream().noneMatch(e -> e.getResource() == r)) {
        bundle.addEntry().setFullUrl(r.getIdElement().toUnqualifiedVersionless().getValue()).setResource(r);
      }
    }
    return bundle;
  }
}
