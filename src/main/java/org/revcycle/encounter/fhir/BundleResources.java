package org.revcycle.encounter.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;

/**
 * The resources a notification Bundle carried. A notification that carries resources must carry
 * every one they reference: {@link #danglingReferences} names those it does not.
 */
final class BundleResources implements FhirResources {

  private final Bundle bundle;
  private final Map<String, Resource> byKey = new HashMap<>();

  BundleResources(Bundle bundle) {
    this.bundle = bundle;
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Resource r = entry.getResource();
      if (r == null) {
        continue;
      }
      if (entry.hasFullUrl()) {
        byKey.put(entry.getFullUrl(), r);
      }
      if (r.getIdElement().hasIdPart()) {
        byKey.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
      }
    }
  }

  /** Where an entry's reference points to nothing in the Bundle: "Bundle.entry[2] (ChargeItem/c1): Encounter/e9". */
  List<String> danglingReferences(FhirContext context) {
    FhirTerser terser = context.newTerser();
    List<String> dangling = new ArrayList<>();
    for (int i = 0; i < bundle.getEntry().size(); i++) {
      Resource r = bundle.getEntry().get(i).getResource();
      if (r == null) {
        dangling.add("Bundle.entry[" + i + "]: the entry has no resource");
        continue;
      }
      for (IBaseReference ref : terser.getAllPopulatedChildElementsOfType(r, IBaseReference.class)) {
        String value = ref.getReferenceElement().getValue();
        if (value == null || value.startsWith("#") || find(value).isPresent()) {
          continue;
        }
        dangling.add("Bundle.entry[" + i + "] (" + r.fhirType() + "/" + r.getIdElement().getIdPart() + "): " + value);
      }
    }
    return dangling;
  }

  private Optional<Resource> find(String reference) {
    Resource r = byKey.get(reference);
    if (r == null) {
      String[] parts = reference.split("/");
      // an absolute or versioned reference: look it up by type and id
      for (int i = parts.length - 2; i >= 0 && r == null; i--) {
        if (!"_history".equals(parts[i]) && i + 1 < parts.length) {
          r = byKey.get(parts[i] + "/" + parts[i + 1]);
        }
      }
    }
    return Optional.ofNullable(r);
  }

  List<org.hl7.fhir.r4.model.Encounter> encounters() {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(org.hl7.fhir.r4.model.Encounter.class::isInstance)
        .map(org.hl7.fhir.r4.model.Encounter.class::cast).toList();
  }

  @Override
  public <T extends Resource> Optional<T> resolve(Reference reference, Class<T> type) {
    if (reference == null || !reference.hasReference()) {
      return Optional.empty();
    }
    return find(reference.getReference()).filter(type::isInstance).map(type::cast);
  }

  @Override
  public List<ChargeItem> chargeItemsOf(String encounterId) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(ChargeItem.class::isInstance).map(ChargeItem.class::cast)
        .filter(c -> encounterId.equals(c.getContext().getReferenceElement().getIdPart()))
        .toList();
  }

  @Override
  public List<Coverage> coveragesOf(String patientId) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Coverage.class::isInstance).map(Coverage.class::cast)
        .filter(c -> patientId.equals(c.getBeneficiary().getReferenceElement().getIdPart()))
        .toList();
  }
}
