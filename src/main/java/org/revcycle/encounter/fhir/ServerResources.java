package org.revcycle.encounter.fhir;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.ReferenceClientParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** An encounter's resources read from the EHR's FHIR server, each at most once per encounter. */
final class ServerResources implements FhirResources {

  private final IGenericClient client;
  private final Map<String, Optional<Resource>> read = new HashMap<>();

  ServerResources(IGenericClient client) {
    this.client = client;
  }

  @Override
  public <T extends Resource> Optional<T> resolve(Reference reference, Class<T> type) {
    if (reference == null || !reference.hasReference() || reference.getReference().startsWith("#")) {
      return Optional.empty();
    }
    String id = reference.getReferenceElement().getIdPart();
    String key = type.getSimpleName() + "/" + id;
    Optional<Resource> found = read.computeIfAbsent(key, k -> {
      try {
        return Optional.of(client.read().resource(type).withId(id).execute());
      } catch (ResourceNotFoundException | ResourceGoneException e) {
        return Optional.empty();
      }
    });
    return found.filter(type::isInstance).map(type::cast);
  }

  @Override
  public List<ChargeItem> chargeItemsOf(String encounterId) {
    return all(client.search().forResource(ChargeItem.class)
        .where(new ReferenceClientParam("context").hasId("Encounter/" + encounterId))
        .returnBundle(Bundle.class).execute(), ChargeItem.class);
  }

  @Override
  public List<Coverage> coveragesOf(String patientId) {
    return all(client.search().forResource(Coverage.class)
        .where(new ReferenceClientParam("beneficiary").hasId("Patient/" + patientId))
        .returnBundle(Bundle.class).execute(), Coverage.class);
  }

  /** Every page of a search result. */
  private <T extends Resource> List<T> all(Bundle page, Class<T> type) {
    List<T> result = new ArrayList<>();
    while (true) {
      page.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
          .map(type::cast).forEach(result::add);
      if (page.getLink(Bundle.LINK_NEXT) == null) {
        return result;
      }
      page = client.loadPage().next(page).execute();
    }
  }
}
