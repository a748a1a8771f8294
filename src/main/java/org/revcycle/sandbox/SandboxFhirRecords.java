package org.revcycle.sandbox;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Account;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.revcycle.encounter.ClosedEncounter;
import org.revcycle.encounter.fhir.FhirCodes;

/**
 * How the sandbox EHR keeps a closed encounter: as the FHIR R4 resources a US EHR exposes
 * (US Core identifiers and code systems), each encounter with its own hospital account.
 */
final class SandboxFhirRecords {

  private final SandboxNetwork network;

  SandboxFhirRecords(SandboxNetwork network) {
    this.network = network;
  }

  /** The network's organizations, locations and practitioners, which every encounter references. */
  List<Resource> masterData() {
    List<Resource> list = new ArrayList<>();
    for (SandboxNetwork.Facility f : network.facilities()) {
      Organization org = new Organization();
      org.setId("org-" + f.id());
      org.setName(f.name());
      org.addIdentifier().setSystem(FhirCodes.NPI).setValue(f.npi());
      org.addIdentifier().setSystem(FhirCodes.EIN).setValue(f.taxId());
      list.add(org);
      Location location = new Location();
      location.setId("loc-" + f.id());
      location.setName(f.name());
      location.addType(new CodeableConcept(new Coding(FhirCodes.PLACE_OF_SERVICE, f.placeOfService(), null)));
      location.setManagingOrganization(new Reference("Organization/org-" + f.id()));
      location.getAddress().setCity(f.city()).setState(f.state());
      list.add(location);
    }
    for (SandboxNetwork.Payer p : network.payers()) {
      Organization payer = new Organization();
      payer.setId("payer-" + p.id());
      payer.setName(p.name());
      payer.addType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/organization-type", "pay", "Payer")));
      payer.addIdentifier().setType(type("NIIP")).setValue(p.id());
      list.add(payer);
    }
    for (SandboxNetwork.Provider p : network.providers()) {
      Practitioner practitioner = new Practitioner();
      practitioner.setId("pr-" + p.npi());
      practitioner.addIdentifier().setSystem(FhirCodes.NPI).setValue(p.npi());
      String[] name = p.name().split(",")[0].split(" ");
      practitioner.addName().setFamily(name[name.length - 1]).addGiven(name[0]);
      list.add(practitioner);
    }
    return list;
  }

  /** The resources of one closed encounter: patient, coverage (and subscriber), account, diagnoses, charges. */
  List<Resource> encounter(ClosedEncounter e) {
    List<Resource> list = new ArrayList<>();
    String id = e.sourceId();
    ClosedEncounter.Patient p = e.patient();
    Patient patient = new Patient();
    patient.setId(p.mrn());
    patient.addIdentifier().setType(type("MR")).setSystem("urn:sandbox-ehr:mrn").setValue(p.mrn());
    patient.addName().setUse(org.hl7.fhir.r4.model.HumanName.NameUse.OFFICIAL).setFamily(p.familyName())
        .addGiven(p.givenName());
    if (p.birthDate() != null) {
      patient.setBirthDateElement(new DateType(p.birthDate().toString()));
    }
    patient.setGender(gender(p.sex()));
    patient.addAddress().setUse(org.hl7.fhir.r4.model.Address.AddressUse.HOME).addLine(p.addressLine())
        .setCity(p.city()).setState(p.state()).setPostalCode(p.postalCode());
    list.add(patient);

    Encounter encounter = new Encounter();
    encounter.setId(id);
    encounter.setStatus(Encounter.EncounterStatus.FINISHED);
    encounter.setClass_(new Coding(FhirCodes.ACT_CODE, switch (e.encounterClass()) {
      case INPATIENT -> "IMP";
      case EMERGENCY -> "EMER";
      case OUTPATIENT, AMBULATORY -> "AMB";
    }, null));
    encounter.setSubject(new Reference("Patient/" + p.mrn()));
    Period period = new Period().setStartElement(new DateTimeType(e.serviceDate().toString()));
    period.setEndElement(new DateTimeType((e.dischargeDate() != null ? e.dischargeDate() : e.serviceDate()).toString()));
    encounter.setPeriod(period);
    encounter.setServiceProvider(new Reference("Organization/org-" + e.facilityId()));
    encounter.addLocation().setLocation(new Reference("Location/loc-" + e.facilityId()));
    if (e.renderingProviderNpi() != null) {
      encounter.addParticipant().addType(new CodeableConcept(new Coding(FhirCodes.PARTICIPATION_TYPE, "ATND", "attender")))
          .setIndividual(new Reference("Practitioner/pr-" + e.renderingProviderNpi()));
    }
    if (e.priorAuthorization() != null) {
      encounter.addExtension(FhirCodes.PRIOR_AUTHORIZATION_EXTENSION, new StringType(e.priorAuthorization()));
    }
    Account account = new Account();
    account.setId("acct-" + id);
    account.setStatus(Account.AccountStatus.ACTIVE);
    account.addSubject(new Reference("Patient/" + p.mrn()));
    encounter.addAccount(new Reference("Account/acct-" + id));
    if (e.coverage() != null) {
      ClosedEncounter.Coverage c = e.coverage();
      Coverage coverage = new Coverage();
      coverage.setId("cov-" + id);
      coverage.setStatus(Coverage.CoverageStatus.ACTIVE);
      coverage.setBeneficiary(new Reference("Patient/" + p.mrn()));
      coverage.setSubscriberId(c.memberId());
      coverage.addPayor(new Reference("Organization/payer-" + c.payerId()));
      coverage.setRelationship(new CodeableConcept(new Coding(FhirCodes.SUBSCRIBER_RELATIONSHIP,
          c.relationship().toLowerCase(), null)));
      if (c.startDate() != null || c.endDate() != null) {
        Period coveragePeriod = new Period();
        if (c.startDate() != null) {
          coveragePeriod.setStartElement(new DateTimeType(c.startDate().toString()));
        }
        if (c.endDate() != null) {
          coveragePeriod.setEndElement(new DateTimeType(c.endDate().toString()));
        }
        coverage.setPeriod(coveragePeriod);
      }
      if (c.groupNumber() != null) {
        coverage.addClass_().setType(new CodeableConcept(new Coding(FhirCodes.COVERAGE_CLASS, "group", null)))
            .setValue(c.groupNumber());
      }
      if (c.subscriber() != null) {
        RelatedPerson subscriber = new RelatedPerson();
        subscriber.setId("sub-" + id);
        subscriber.setPatient(new Reference("Patient/" + p.mrn()));
        subscriber.addRelationship(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-RoleCode",
            "CHILD".equals(c.relationship()) ? "PRN" : "SPS", null)));
        subscriber.addName().setFamily(c.subscriber().familyName()).addGiven(c.subscriber().givenName());
        if (c.subscriber().birthDate() != null) {
          subscriber.setBirthDateElement(new DateType(c.subscriber().birthDate().toString()));
        }
        subscriber.setGender(gender(c.subscriber().sex()));
        coverage.setSubscriber(new Reference("RelatedPerson/sub-" + id));
        list.add(subscriber);
      } else {
        coverage.setSubscriber(new Reference("Patient/" + p.mrn()));
      }
      account.addCoverage().setCoverage(new Reference("Coverage/cov-" + id)).setPriority(1);
      list.add(coverage);
    }
    list.add(account);
    int n = 1;
    for (String code : e.diagnoses()) {
      Condition condition = new Condition();
      condition.setId(id + "-dx" + n);
      condition.setSubject(new Reference("Patient/" + p.mrn()));
      condition.setEncounter(new Reference("Encounter/" + id));
      condition.setCode(new CodeableConcept(new Coding(FhirCodes.ICD10CM, code, null)));
      encounter.addDiagnosis().setCondition(new Reference("Condition/" + condition.getId())).setRank(n);
      list.add(condition);
      n++;
    }
    n = 1;
    for (ClosedEncounter.Charge c : e.charges()) {
      ChargeItem item = new ChargeItem();
      item.setId(id + "-ci" + n);
      item.setStatus(ChargeItem.ChargeItemStatus.BILLABLE);
      item.setSubject(new Reference("Patient/" + p.mrn()));
      item.setContext(new Reference("Encounter/" + id));
      item.addAccount(new Reference("Account/acct-" + id));
      CodeableConcept code = new CodeableConcept();
      if (c.revenueCode() != null) {
        code.addCoding(new Coding(FhirCodes.REVENUE_CODE, c.revenueCode(), null));
      }
      if (c.procedureCode() != null) {
        // the procedure is documented as a Procedure; the charge bills it
        Procedure procedure = new Procedure();
        procedure.setId(id + "-px" + n);
        procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
        procedure.setSubject(new Reference("Patient/" + p.mrn()));
        procedure.setEncounter(new Reference("Encounter/" + id));
        procedure.setCode(new CodeableConcept(procedureCoding(c.procedureCode())));
        item.addService(new Reference("Procedure/" + procedure.getId()));
        code.addCoding(procedureCoding(c.procedureCode()));
        list.add(procedure);
      }
      item.setCode(code);
      for (String modifier : c.modifiersOrEmpty()) {
        item.addExtension(FhirCodes.MODIFIER_EXTENSION, new CodeType(modifier));
      }
      item.setQuantity(new Quantity().setValue(c.units()));
      item.setPriceOverride(new Money().setValue(c.amount()).setCurrency("USD"));
      LocalDate date = c.serviceDate() == null ? e.serviceDate() : c.serviceDate();
      item.setOccurrence(new DateTimeType(date.toString()));
      list.add(item);
      n++;
    }
    list.add(0, encounter);
    return list;
  }

  private static Coding procedureCoding(String code) {
    return Character.isLetter(code.charAt(0))
        ? new Coding(FhirCodes.HCPCS_SYSTEM, code, null)
        : new Coding(FhirCodes.CPT, code, null);
  }

  private static CodeableConcept type(String code) {
    return new CodeableConcept(new Coding(FhirCodes.IDENTIFIER_TYPE, code, null));
  }

  private static AdministrativeGender gender(String sex) {
    if (sex == null) {
      return null;
    }
    return switch (sex) {
      case "F" -> AdministrativeGender.FEMALE;
      case "M" -> AdministrativeGender.MALE;
      default -> AdministrativeGender.UNKNOWN;
    };
  }

}
