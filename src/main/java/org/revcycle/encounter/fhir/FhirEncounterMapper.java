package org.revcycle.encounter.fhir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.revcycle.encounter.ClosedEncounter;
import org.revcycle.encounter.ClosedEncounter.EncounterClass;
import org.revcycle.encounter.FacilityDirectory;
import org.revcycle.encounter.IntakeFinding;
import org.revcycle.platform.InvalidInputException;

/**
 * Maps an {@link EncounterGraph} to a {@link ClosedEncounter}. Registration data that is missing,
 * malformed or contradictory (a coverage for another patient, a subscriber relationship that does
 * not fit the subscriber, a facility tax id that is not the master data's) is left out and named
 * in a finding, so the claim waits in a registration task; an encounter without a date of service
 * or without charges is refused, since there is nothing to bill.
 */
final class FhirEncounterMapper {

  private static final Pattern NPI = Pattern.compile("\\d{10}");
  private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
  private static final Pattern ZIP = Pattern.compile("\\d{5}(\\d{4})?");
  private static final Pattern PROCEDURE_CODE = Pattern.compile("[A-Z0-9]{5}");

  private final String sourceSystem;
  private final FacilityDirectory facilities;

  FhirEncounterMapper(String sourceSystem, FacilityDirectory facilities) {
    this.sourceSystem = sourceSystem;
    this.facilities = facilities;
  }

  record Mapped(ClosedEncounter encounter, List<IntakeFinding> findings) {}

  Mapped map(EncounterGraph g) {
    List<IntakeFinding> findings = new ArrayList<>(g.findings());
    Encounter e = g.encounter();
    if (!e.hasPeriod() || !e.getPeriod().hasStart()) {
      throw new InvalidInputException("Encounter.period.start", "the encounter has no start date: nothing to bill a date of service for");
    }
    LocalDate serviceDate = date(e.getPeriod().getStartElement());
    String facilityId = facility(g, findings);
    EncounterClass encounterClass = encounterClass(e, facilityId, findings);
    LocalDate dischargeDate = encounterClass == EncounterClass.INPATIENT && e.getPeriod().hasEnd()
        ? date(e.getPeriod().getEndElement())
        : null;
    if (encounterClass == EncounterClass.INPATIENT && dischargeDate == null) {
      findings.add(new IntakeFinding("dischargeDate", "The inpatient stay has no discharge date (Encounter.period.end)."));
    }
    ClosedEncounter.Patient patient = patient(g.patient(), findings);
    ClosedEncounter.Coverage coverage = g.coverage() == null ? null : coverage(g, findings);
    String npi = practitionerNpi(g, findings);
    String priorAuthorization = e.getExtensionsByUrl(FhirCodes.PRIOR_AUTHORIZATION_EXTENSION).stream()
        .map(x -> x.getValue().primitiveValue()).findFirst().orElse(null);
    List<String> diagnoses = g.conditions().stream().map(FhirEncounterMapper::icd10).filter(c -> c != null).toList();
    if (diagnoses.size() < g.conditions().size()) {
      findings.add(new IntakeFinding("diagnoses", "A diagnosis of the encounter has no ICD-10-CM code; it was left out."));
    }
    List<ClosedEncounter.Charge> charges = charges(g, serviceDate);
    if (charges.isEmpty()) {
      throw new InvalidInputException("ChargeItem", "the encounter has no billable ChargeItem: nothing to bill");
    }
    List<ClosedEncounter.Coverage> otherCoverages = coverage == null ? List.of() : otherCoverages(g, findings);
    return new Mapped(new ClosedEncounter(sourceSystem, e.getIdElement().getIdPart(), facilityId, encounterClass,
        serviceDate, dischargeDate, patient, coverage, npi, priorAuthorization, diagnoses, charges, otherCoverages),
        findings);
  }

  // ---- facility and class ----

  /** The facility by the service provider's NPI; contradictions with the master data are findings. */
  private String facility(EncounterGraph g, List<IntakeFinding> findings) {
    Organization org = g.serviceProvider();
    String npi = org == null ? null : identifier(org.getIdentifier(), FhirCodes.NPI);
    if (npi == null) {
      findings.add(new IntakeFinding("facility", "The encounter's service provider has no NPI: the facility is unknown."));
      return "UNKNOWN";
    }
    Optional<FacilityDirectory.KnownFacility> known = facilities.byNpi(npi);
    if (known.isEmpty()) {
      // the registration check names the unknown facility; the NPI is the key to add it to master data
      return npi;
    }
    FacilityDirectory.KnownFacility f = known.get();
    String taxId = identifier(org.getIdentifier(), FhirCodes.EIN);
    if (taxId != null && !taxId.replace("-", "").equals(f.taxId())) {
      findings.add(new IntakeFinding("facility.taxId",
          "The EHR's tax id for facility " + f.id() + " differs from the master data's: confirm which is right."));
    }
    if (g.location() != null) {
      if (g.location().hasManagingOrganization() && org.getIdElement().hasIdPart()
          && !org.getIdElement().getIdPart().equals(g.location().getManagingOrganization().getReferenceElement().getIdPart())) {
        findings.add(new IntakeFinding("facility.location",
            "The encounter's location belongs to another organization than its service provider."));
      }
      String pos = g.location().getType().stream().map(t -> code(t, Set.of(FhirCodes.PLACE_OF_SERVICE)))
          .filter(c -> c != null).findFirst().orElse(null);
      if (pos != null && !pos.equals(f.placeOfService())) {
        findings.add(new IntakeFinding("facility.placeOfService", "The location's place of service " + pos
            + " differs from facility " + f.id() + "'s " + f.placeOfService() + " in the master data."));
      }
    }
    return f.id();
  }

  private EncounterClass encounterClass(Encounter e, String facilityId, List<IntakeFinding> findings) {
    String code = e.getClass_().getCode();
    if (code == null) {
      throw new InvalidInputException("Encounter.class", "the encounter has no class (inpatient, emergency, ambulatory)");
    }
    return switch (code) {
      case "IMP", "ACUTE", "NONAC" -> EncounterClass.INPATIENT;
      case "EMER" -> EncounterClass.EMERGENCY;
      case "OBSENC", "SS" -> EncounterClass.OUTPATIENT;
      // ambulatory care at a hospital is a hospital outpatient visit (an institutional claim)
      case "AMB", "VR", "HH" -> facilities.byId(facilityId).map(f -> "HOSPITAL".equals(f.type())).orElse(false)
          ? EncounterClass.OUTPATIENT
          : EncounterClass.AMBULATORY;
      default -> throw new InvalidInputException("Encounter.class",
          "class '" + code + "' is not one revcycle bills (IMP, ACUTE, NONAC, EMER, AMB, OBSENC, SS, VR, HH)");
    };
  }

  // ---- patient ----

  private static ClosedEncounter.Patient patient(Patient p, List<IntakeFinding> findings) {
    String mrn = p.getIdentifier().stream().filter(i -> hasType(i, "MR")).map(Identifier::getValue).findFirst()
        .orElse("Patient/" + p.getIdElement().getIdPart());
    HumanName name = name(p.getName());
    String family = name == null ? null : name.getFamily();
    String given = name == null || !name.hasGiven() ? null : name.getGiven().get(0).getValue();
    if (blank(family) || blank(given)) {
      findings.add(new IntakeFinding("patient.name", "The patient's name is incomplete in the EHR."));
    }
    LocalDate birthDate = p.hasBirthDateElement() && p.getBirthDateElement().getPrecision().ordinal() >= 2
        ? date(p.getBirthDateElement()) : null;
    if (birthDate == null) {
      findings.add(new IntakeFinding("patient.birthDate", "The patient's birth date is missing or incomplete in the EHR."));
    }
    String sex = sex(p.getGender());
    if (sex == null) {
      findings.add(new IntakeFinding("patient.sex", "The patient's administrative sex is missing in the EHR."));
    }
    Address a = p.getAddress().stream().filter(x -> x.getUse() == Address.AddressUse.HOME).findFirst()
        .orElse(p.getAddress().isEmpty() ? null : p.getAddress().get(0));
    String state = a == null ? null : valid(a.getState(), STATE, "patient.state", "state", findings);
    String zip = a == null || a.getPostalCode() == null ? null
        : valid(a.getPostalCode().replace("-", ""), ZIP, "patient.postalCode", "ZIP code", findings);
    return new ClosedEncounter.Patient(mrn, truncate(family, 60), truncate(given, 35), birthDate, sex,
        a == null || !a.hasLine() ? null : truncate(a.getLine().get(0).getValue(), 55),
        a == null ? null : truncate(a.getCity(), 30), state, zip);
  }

  // ---- coverage ----

  private static ClosedEncounter.Coverage coverage(EncounterGraph g, List<IntakeFinding> findings) {
    Coverage c = g.coverage();
    String patientId = g.patient().getIdElement().getIdPart();
    if (c.hasBeneficiary() && !patientId.equals(c.getBeneficiary().getReferenceElement().getIdPart())) {
      findings.add(new IntakeFinding("coverage.beneficiary",
          "The coverage on the encounter belongs to another patient: attach the patient's own coverage."));
    }
    if (c.getStatus() != Coverage.CoverageStatus.ACTIVE) {
      findings.add(new IntakeFinding("coverage.status",
          "The coverage is " + (c.hasStatus() ? c.getStatus().toCode() : "without a status") + " in the EHR, not active."));
    }
    String payerId = payerId(g.payer(), c);
    String memberId = c.hasSubscriberId() ? c.getSubscriberId()
        : c.getIdentifier().stream().filter(i -> hasType(i, "MB")).map(Identifier::getValue).findFirst().orElse(null);
    if (blank(memberId)) {
      findings.add(new IntakeFinding("coverage.memberId", "The coverage has no member id (Coverage.subscriberId)."));
      memberId = null;
    }
    String relationship = relationship(c.getRelationship());
    if (relationship == null) {
      findings.add(new IntakeFinding("coverage.relationship",
          "The patient's relationship to the subscriber is missing or not one of self, spouse, child, other."));
    }
    ClosedEncounter.Subscriber subscriber = null;
    Resource s = g.subscriber();
    boolean subscriberIsPatient = s instanceof Patient && s.getIdElement().getIdPart().equals(patientId)
        || s instanceof RelatedPerson rp && patientId.equals(rp.getPatient().getReferenceElement().getIdPart())
            && isSelf(rp.getRelationship());
    if ("SELF".equals(relationship) && s != null && !subscriberIsPatient) {
      findings.add(new IntakeFinding("coverage.relationship",
          "The relationship is self, but the subscriber is another person: correct the relationship or the subscriber."));
    } else if (relationship != null && !"SELF".equals(relationship)) {
      if (s == null || subscriberIsPatient) {
        findings.add(new IntakeFinding("coverage.subscriber", "The patient is the " + relationship.toLowerCase()
            + " of the subscriber, but the coverage names " + (s == null ? "no subscriber." : "the patient as subscriber.")));
      } else {
        subscriber = subscriber(s, findings);
      }
    }
    String group = c.getClass_().stream()
        .filter(k -> k.getType().getCoding().stream().anyMatch(x -> "group".equals(x.getCode())))
        .map(Coverage.ClassComponent::getValue).findFirst().orElse(null);
    Period period = c.getPeriod();
    return new ClosedEncounter.Coverage(payerId, truncate(memberId, 80), truncate(group, 50), relationship,
        period.hasStart() ? date(period.getStartElement()) : null,
        period.hasEnd() ? date(period.getEndElement()) : null, subscriber);
  }

  /** The secondary and tertiary coverage (Coverage.order 2, 3): payer and member id are what coordination needs. */
  private static List<ClosedEncounter.Coverage> otherCoverages(EncounterGraph g, List<IntakeFinding> findings) {
    List<ClosedEncounter.Coverage> others = new ArrayList<>();
    for (EncounterGraph.OtherCoverage o : g.otherCoverages()) {
      Coverage c = o.coverage();
      String field = "otherCoverages[" + others.size() + "]";
      if (o.payer() == null) {
        findings.add(new IntakeFinding(field + ".payerId",
            "The other coverage names no payer organization the EHR could find: add the payer to the coverage."));
      }
      String memberId = c.hasSubscriberId() ? c.getSubscriberId()
          : c.getIdentifier().stream().filter(i -> hasType(i, "MB")).map(Identifier::getValue).findFirst().orElse(null);
      if (blank(memberId)) {
        findings.add(new IntakeFinding(field + ".memberId", "The other coverage has no member id (Coverage.subscriberId)."));
        memberId = null;
      }
      String relationship = relationship(c.getRelationship());
      Period period = c.getPeriod();
      others.add(new ClosedEncounter.Coverage(payerId(o.payer(), c), truncate(memberId, 80), null,
          relationship == null ? "OTHER" : relationship, period.hasStart() ? date(period.getStartElement()) : null,
          period.hasEnd() ? date(period.getEndElement()) : null, null));
      if (others.size() == 2) {
        break; // a claim carries at most a secondary and a tertiary
      }
    }
    return others;
  }

  /** The payer's id: its NIIP identifier (national insurance payer id), else its first identifier. */
  private static String payerId(Organization payer, Coverage c) {
    if (payer == null) {
      // no payer, but coverage: not self-pay; the registration check names the unknown payer
      return truncate("Coverage/" + c.getIdElement().getIdPart(), 32);
    }
    return truncate(payer.getIdentifier().stream().filter(i -> hasType(i, "NIIP")).map(Identifier::getValue)
        .findFirst().orElse(payer.hasIdentifier() ? payer.getIdentifierFirstRep().getValue()
            : "Organization/" + payer.getIdElement().getIdPart()), 32);
  }

  private static ClosedEncounter.Subscriber subscriber(Resource s, List<IntakeFinding> findings) {
    List<HumanName> names = s instanceof Patient p ? p.getName() : ((RelatedPerson) s).getName();
    var birth = s instanceof Patient p ? p.getBirthDateElement() : ((RelatedPerson) s).getBirthDateElement();
    AdministrativeGender gender = s instanceof Patient p ? p.getGender() : ((RelatedPerson) s).getGender();
    HumanName name = name(names);
    if (name == null || blank(name.getFamily()) || !name.hasGiven() || birth == null || !birth.hasValue()) {
      findings.add(new IntakeFinding("coverage.subscriber",
          "The subscriber's name or birth date is missing: the payer needs both for a dependent's claim."));
    }
    return new ClosedEncounter.Subscriber(name == null ? null : truncate(name.getFamily(), 60),
        name == null || !name.hasGiven() ? null : truncate(name.getGiven().get(0).getValue(), 35),
        birth != null && birth.hasValue() ? date(birth) : null, sex(gender));
  }

  private static String relationship(CodeableConcept concept) {
    String code = code(concept, Set.of(FhirCodes.SUBSCRIBER_RELATIONSHIP));
    if (code == null) {
      return null;
    }
    return switch (code) {
      case "self" -> "SELF";
      case "spouse", "common" -> "SPOUSE";
      case "child" -> "CHILD";
      case "parent", "injured", "other" -> "OTHER";
      default -> null;
    };
  }

  private static boolean isSelf(List<CodeableConcept> relationships) {
    return relationships.stream().flatMap(r -> r.getCoding().stream()).anyMatch(c -> "ONESELF".equals(c.getCode()));
  }

  // ---- practitioner ----

  private static String practitionerNpi(EncounterGraph g, List<IntakeFinding> findings) {
    if (g.practitioner() == null) {
      if (g.findings().stream().noneMatch(f -> f.field().equals("renderingProviderNpi"))) {
        findings.add(new IntakeFinding("renderingProviderNpi", "The encounter names no attending practitioner."));
      }
      return null;
    }
    String npi = identifier(g.practitioner().getIdentifier(), FhirCodes.NPI);
    if (npi == null || !NPI.matcher(npi).matches()) {
      findings.add(new IntakeFinding("renderingProviderNpi", "The attending practitioner has no valid NPI in the EHR."));
      return null;
    }
    return npi;
  }

  // ---- diagnoses and charges ----

  private static String icd10(Condition condition) {
    String code = code(condition.getCode(), Set.of(FhirCodes.ICD10CM));
    return code == null ? null : code.toUpperCase();
  }

  /** "enc-ci2" before "enc-ci10": runs of digits compare by value. */
  static int naturalOrder(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int si = i;
        int sj = j;
        while (i < a.length() && Character.isDigit(a.charAt(i))) {
          i++;
        }
        while (j < b.length() && Character.isDigit(b.charAt(j))) {
          j++;
        }
        int byValue = new java.math.BigInteger(a.substring(si, i)).compareTo(new java.math.BigInteger(b.substring(sj, j)));
        if (byValue != 0) {
          return byValue;
        }
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static List<ClosedEncounter.Charge> charges(EncounterGraph g, LocalDate serviceDate) {
    List<ClosedEncounter.Charge> charges = new ArrayList<>();
    // a search returns ChargeItems in no promised order: lines are numbered by id, digits compared as numbers
    List<ChargeItem> items = g.chargeItems().stream()
        .sorted(Comparator.comparing((ChargeItem item) -> item.getIdElement().getIdPart(), FhirEncounterMapper::naturalOrder))
        .toList();
    for (ChargeItem item : items) {
      String where = "ChargeItem/" + item.getIdElement().getIdPart();
      String procedure = procedureCode(item.getCode());
      if (procedure == null) {
        procedure = item.getService().stream()
            .map(r -> g.procedures().get(r.getReferenceElement().getIdPart()))
            .filter(p -> p != null).map(Procedure::getCode).map(FhirEncounterMapper::procedureCode)
            .filter(c -> c != null).findFirst().orElse(null);
      }
      String revenue = code(item.getCode(), Set.of(FhirCodes.REVENUE_CODE));
      if (procedure == null && revenue == null) {
        throw new InvalidInputException(where + ".code", "the charge has neither a CPT/HCPCS code nor a revenue code");
      }
      if (procedure != null && !PROCEDURE_CODE.matcher(procedure).matches()) {
        throw new InvalidInputException(where + ".code", "'" + procedure + "' is not a 5-character CPT/HCPCS code");
      }
      if (!item.hasPriceOverride() || !item.getPriceOverride().hasValue()) {
        throw new InvalidInputException(where + ".priceOverride", "the charge has no amount");
      }
      BigDecimal units = item.hasQuantity() && item.getQuantity().hasValue() ? item.getQuantity().getValue() : BigDecimal.ONE;
      List<String> modifiers = item.getExtensionsByUrl(FhirCodes.MODIFIER_EXTENSION).stream()
          .map(Extension::getValue).map(v -> v.primitiveValue()).filter(v -> v != null).toList();
      LocalDate date = item.hasOccurrenceDateTimeType() ? date(item.getOccurrenceDateTimeType())
          : item.hasOccurrencePeriod() && item.getOccurrencePeriod().hasStart()
              ? date(item.getOccurrencePeriod().getStartElement()) : serviceDate;
      charges.add(new ClosedEncounter.Charge(procedure, modifiers.isEmpty() ? null : modifiers, revenue, units,
          item.getPriceOverride().getValue(), date));
    }
    return charges;
  }

  private static String procedureCode(CodeableConcept concept) {
    String cpt = code(concept, Set.of(FhirCodes.CPT));
    return cpt != null ? cpt : code(concept, FhirCodes.HCPCS);
  }

  // ---- helpers ----

  static String code(CodeableConcept concept, Set<String> systems) {
    if (concept == null) {
      return null;
    }
    return concept.getCoding().stream().filter(c -> systems.contains(c.getSystem()) && c.hasCode())
        .map(Coding::getCode).findFirst().orElse(null);
  }

  private static String identifier(List<Identifier> identifiers, String system) {
    return identifiers.stream().filter(i -> system.equals(i.getSystem()) && i.hasValue()).map(Identifier::getValue)
        .findFirst().orElse(null);
  }

  private static boolean hasType(Identifier identifier, String code) {
    return identifier.hasValue() && identifier.getType().getCoding().stream()
        .anyMatch(c -> code.equals(c.getCode()) && (!c.hasSystem() || FhirCodes.IDENTIFIER_TYPE.equals(c.getSystem())));
  }

  private static HumanName name(List<HumanName> names) {
    return names.stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
        .orElse(names.isEmpty() ? null : names.get(0));
  }

  private static String sex(AdministrativeGender gender) {
    if (gender == null) {
      return null;
    }
    return switch (gender) {
      case FEMALE -> "F";
      case MALE -> "M";
      case OTHER, UNKNOWN -> "U";
      default -> null;
    };
  }

  /** The calendar date as the EHR wrote it, whatever its time zone. */
  static LocalDate date(BaseDateTimeType value) {
    return LocalDate.of(value.getYear(), value.getMonth() + 1, value.getDay());
  }

  private static String valid(String value, Pattern pattern, String field, String what, List<IntakeFinding> findings) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!pattern.matcher(value).matches()) {
      findings.add(new IntakeFinding(field, "The patient's " + what + " in the EHR is not in the expected format."));
      return null;
    }
    return value;
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
