package org.revcycle.encounter.fhir;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Where an encounter's resources come from: the EHR's FHIR server, or a Bundle a notification
 * carried. Resolving a reference finds nothing (empty) when the resource does not exist; a
 * failure to reach the server throws.
 */
interface FhirResources {

  <T extends Resource> Optional<T> resolve(Reference reference, Class<T> type);

  /** ChargeItems whose context is the encounter. */
  List<ChargeItem> chargeItemsOf(String encounterId);

  /** Coverages whose beneficiary is the patient (used when the encounter names no Account). */
  List<Coverage> coveragesOf(String patientId);
}
