package org.revcycle.encounter.fhir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Account;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.revcycle.encounter.IntakeFinding;
import org.revcycle.platform.InvalidInputException;

/**
 * Follows a finished Encounter's references: its patient, the coverage (through the encounter's
 * Account, or the patient's active Coverage), the payer, the subscriber, the service provider
 * and location, the attending practitioner, the diagnoses, and the ChargeItems with the
 * Procedures they bill. What cannot be found becomes a finding, except the patient: an encounter
 * without one is refused.
 */
final class FhirEncounterReader {

  private FhirEncounterReader() {}

  static EncounterGraph read(Encounter encounter, FhirResources resources) {
    List<IntakeFinding> findings = new ArrayList<>();
    String encounterId = encounter.getIdElement().getIdPart();
    if (!encounter.getSubject().hasReference()) {
      throw new InvalidInputException("Encounter.subject", "the encounter names no patient");
    }
    Patient patient = resources.resolve(encounter.getSubject(), Patient.class).orElseThrow(() ->
        new InvalidInputException("Encounter.subject",
            "the patient " + encounter.getSubject().getReference() + " does not exist in the EHR"));

    List<Coverage> coverages = coverages(encounter, patient, resources, findings);
    Coverage coverage = coverages.isEmpty() ? null : coverages.get(0);
    // the payers after the primary (order 2, 3): they take over what the primary leaves to the patient
    List<EncounterGraph.OtherCoverage> otherCoverages = new ArrayList<>();
    for (Coverage other : coverages.subList(Math.min(1, coverages.size()), coverages.size())) {
      Organization otherPayer = other.hasPayor()
          ? resources.resolve(other.getPayorFirstRep(), Organization.class).orElse(null)
          : null;
      otherCoverages.add(new EncounterGraph.OtherCoverage(other, otherPayer));
    }
    Organization payer = null;
    Resource subscriber = null;
    if (coverage != null) {
      if (coverage.hasPayor()) {
        payer = resources.resolve(coverage.getPayorFirstRep(), Organization.class).orElse(null);
      }
      if (payer == null) {
        findings.add(new IntakeFinding("coverage.payerId",
            "The coverage names no payer organization the EHR could find: add the payer to the patient's coverage."));
      }
      if (coverage.hasSubscriber()) {
        String type = coverage.getSubscriber().getReferenceElement().getResourceType();
        subscriber = "RelatedPerson".equals(type)
            ? resources.resolve(coverage.getSubscriber(), RelatedPerson.class).orElse(null)
            : resources.resolve(coverage.getSubscriber(), Patient.class).orElse(null);
        if (subscriber == null) {
          findings.add(new IntakeFinding("coverage.subscriber",
              "The coverage's subscriber " + coverage.getSubscriber().getReference() + " is not in the EHR."));
        }
      }
    }

    Organization serviceProvider = optional(encounter.getServiceProvider(), Organization.class, resources,
        "facility", "The encounter's service provider", findings);
    Location location = encounter.hasLocation()
        ? optional(encounter.getLocationFirstRep().getLocation(), Location.class, resources, "facility",
            "The encounter's location", findings)
        : null;
    Practitioner practitioner = optional(attending(encounter), Practitioner.class, resources,
        "renderingProviderNpi", "The attending practitioner", findings);

    List<Condition> conditions = new ArrayList<>();
    encounter.getDiagnosis().stream()
        .sorted(Comparator.comparingInt(d -> d.hasRank() ? d.getRank() : Integer.MAX_VALUE))
        .forEach(d -> resources.resolve(d.getCondition(), Condition.class).ifPresentOrElse(conditions::add,
            () -> findings.add(new IntakeFinding("diagnoses",
                "The diagnosis " + d.getCondition().getReference() + " is not in the EHR."))));

    List<ChargeItem> chargeItems = resources.chargeItemsOf(encounterId).stream()
        .filter(c -> !c.hasStatus() || c.getStatus() == ChargeItem.ChargeItemStatus.BILLABLE
            || c.getStatus() == ChargeItem.ChargeItemStatus.BILLED)
        .toList();
    Map<String, Procedure> procedures = new LinkedHashMap<>();
    for (ChargeItem item : chargeItems) {
      for (Reference service : item.getService()) {
        if ("Procedure".equals(service.getReferenceElement().getResourceType())) {
          resources.resolve(service, Procedure.class)
              .ifPresent(p -> procedures.put(service.getReferenceElement().getIdPart(), p));
        }
      }
    }
    return new EncounterGraph(encounter, patient, coverage, payer, subscriber, serviceProvider, location,
        practitioner, conditions, chargeItems, procedures, findings, otherCoverages);
  }

  /**
   * The coverages in the order they pay: the Account's by priority; without an Account, the
   * patient's active coverages by order. The first is the primary; empty for self-pay.
   */
  private static List<Coverage> coverages(Encounter encounter, Patient patient, FhirResources resources,
      List<IntakeFinding> findings) {
    if (encounter.hasAccount()) {
      Optional<Account> account = resources.resolve(encounter.getAccountFirstRep(), Account.class);
      if (account.isEmpty()) {
        findings.add(new IntakeFinding("coverage",
            "The encounter's account " + encounter.getAccountFirstRep().getReference() + " is not in the EHR."));
        return List.of();
      }
      List<Account.CoverageComponent> byPriority = account.get().getCoverage().stream()
          .sorted(Comparator.comparingInt(c -> c.hasPriority() ? c.getPriority() : Integer.MAX_VALUE))
          .toList();
      if (byPriority.isEmpty()) {
        return List.of(); // an account without coverage: self-pay
      }
      List<Coverage> found = new ArrayList<>();
      for (int i = 0; i < byPriority.size(); i++) {
        Account.CoverageComponent c = byPriority.get(i);
        Optional<Coverage> coverage = resources.resolve(c.getCoverage(), Coverage.class);
        if (coverage.isPresent()) {
          found.add(coverage.get());
        } else {
          findings.add(new IntakeFinding(i == 0 ? "coverage" : "otherCoverages",
              "The account's coverage " + c.getCoverage().getReference() + " is not in the EHR."));
          if (i == 0) {
            return List.of(); // without its primary the order of the rest is not known
          }
        }
      }
      return found;
    }
    List<Coverage> active = resources.coveragesOf(patient.getIdElement().getIdPart()).stream()
        .filter(c -> c.getStatus() == Coverage.CoverageStatus.ACTIVE)
        .sorted(Comparator.comparingInt(c -> c.hasOrder() ? c.getOrder() : Integer.MAX_VALUE))
        .toList();
    if (active.size() > 1 && active.get(0).getOrder() == active.get(1).getOrder()) {
      findings.add(new IntakeFinding("coverage",
          "The patient has " + active.size() + " active coverages and none is marked primary: confirm which one pays first."));
    }
    return active;
  }

  private static Reference attending(Encounter encounter) {
    return encounter.getParticipant().stream()
        .filter(p -> p.getIndividual().getReferenceElement().getResourceType() == null
            || "Practitioner".equals(p.getIndividual().getReferenceElement().getResourceType()))
        .sorted(Comparator.comparingInt(p -> p.getType().stream().flatMap(t -> t.getCoding().stream())
            .anyMatch(c -> "ATND".equals(c.getCode()) || "PPRF".equals(c.getCode())) ? 0 : 1))
        .map(Encounter.EncounterParticipantComponent::getIndividual)
        .findFirst().orElse(null);
  }

  private static <T extends Resource> T optional(Reference reference, Class<T> type, FhirResources resources,
      String field, String what, List<IntakeFinding> findings) {
    if (reference == null || !reference.hasReference()) {
      return null;
    }
    Optional<T> found = resources.resolve(reference, type);
    if (found.isEmpty()) {
      findings.add(new IntakeFinding(field, what + " " + reference.getReference() + " is not in the EHR."));
    }
    return found.orElse(null);
  }
}
