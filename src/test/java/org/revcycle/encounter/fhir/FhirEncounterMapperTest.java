package org.revcycle.encounter.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.revcycle.encounter.ClosedEncounter;
import org.revcycle.encounter.FacilityDirectory;
import org.revcycle.encounter.IntakeFinding;
import org.revcycle.platform.InvalidInputException;
import org.revcycle.sandbox.SandboxNetwork;
import org.revcycle.sandbox.SandboxTestRecords;

/** The FHIR R4 mapping on its own: what becomes a finding, what refuses the encounter. */
class FhirEncounterMapperTest {

  private static final SandboxNetwork NETWORK = new SandboxNetwork();
  private final FacilityDirectory facilities = mock(FacilityDirectory.class);

  FhirEncounterMapperTest() {
    for (SandboxNetwork.Facility f : NETWORK.facilities()) {
      FacilityDirectory.KnownFacility known =
          new FacilityDirectory.KnownFacility(f.id(), f.type().name(), f.npi(), f.taxId(), f.placeOfService());
      when(facilities.byNpi(f.npi())).thenReturn(Optional.of(known));
      when(facilities.byId(f.id())).thenReturn(Optional.of(known));
    }
    when(facilities.byNpi(anyString())).thenAnswer(i -> NETWORK.facilities().stream()
        .filter(f -> f.npi().equals(i.getArgument(0))).findFirst()
        .map(f -> new FacilityDirectory.KnownFacility(f.id(), f.type().name(), f.npi(), f.taxId(), f.placeOfService())));
  }

  private static ClosedEncounter visit(String facility, ClosedEncounter.EncounterClass encounterClass) {
    LocalDate dos = LocalDate.of(2026, 11, 20);
    return new ClosedEncounter("sandbox-ehr", "E1", facility, encounterClass, dos, null,
        new ClosedEncounter.Patient("M1", "Testperson", "Alex", LocalDate.of(1961, 5, 14), "F", "1 Main St", "Dublin",
            "OH", "43017"),
        new ClosedEncounter.Coverage("CMA", "LMH123456781", null, "SELF", dos.minusYears(1), null),
        NETWORK.providersAt(facility).get(0).npi(), null, List.of("R07.9"),
        List.of(new ClosedEncounter.Charge("99284", List.of("25"), "0450", BigDecimal.ONE, new BigDecimal("2450.00"), dos)));
  }

  private FhirEncounterMapper.Mapped map(List<Resource> resources) {
    Bundle bundle = new Bundle();
    resources.forEach(r -> bundle.addEntry().setFullUrl(r.fhirType() + "/" + r.getIdElement().getIdPart()).setResource(r));
    BundleResources source = new BundleResources(bundle);
    Encounter encounter = source.encounters().get(0);
    return new FhirEncounterMapper("sandbox-ehr", facilities).map(FhirEncounterReader.read(encounter, source));
  }

  @Test
  void chargeItemsAreNumberedByIdWithDigitsComparedAsNumbers() {
    List<String> ids = new java.util.ArrayList<>(List.of("enc-ci10", "enc-ci2", "enc-ci1", "enc-ci9"));
    ids.sort(FhirEncounterMapper::naturalOrder);
    org.assertj.core.api.Assertions.assertThat(ids).containsExactly("enc-ci1", "enc-ci2", "enc-ci9", "enc-ci10");
    org.assertj.core.api.Assertions.assertThat(FhirEncounterMapper.naturalOrder("a-ci2", "a-ci2")).isZero();
    org.assertj.core.api.Assertions.assertThat(FhirEncounterMapper.naturalOrder("a", "a-ci1")).isNegative();
  }

  @Test
  void whatTheSandboxEhrKeepsMapsBackToTheSameEncounter() {
    ClosedEncounter original = visit("H01", ClosedEncounter.EncounterClass.EMERGENCY);

    FhirEncounterMapper.Mapped mapped = map(SandboxTestRecords.of(NETWORK, original));

    assertThat(mapped.findings()).isEmpty();
    assertThat(mapped.encounter()).isEqualTo(original);
  }

  @Test
  void ambulatoryCareAtAHospitalIsAHospitalOutpatientVisit() {
    FhirEncounterMapper.Mapped mapped = map(SandboxTestRecords.of(NETWORK, visit("H02", ClosedEncounter.EncounterClass.OUTPATIENT)));

    assertThat(mapped.encounter().encounterClass()).isEqualTo(ClosedEncounter.EncounterClass.OUTPATIENT);
  }

  @Test
  void aTaxIdThatIsNotTheMasterDatasIsAFinding() {
    List<Resource> resources = SandboxTestRecords.of(NETWORK, visit("C07", ClosedEncounter.EncounterClass.AMBULATORY));
    resources.stream().filter(r -> r instanceof Organization o && o.getIdPart().equals("org-C07"))
        .map(Organization.class::cast).findFirst().orElseThrow()
        .getIdentifier().stream().filter(i -> FhirCodes.EIN.equals(i.getSystem())).findFirst().orElseThrow()
        .setValue("999999999");

    assertThat(map(resources).findings()).extracting(IntakeFinding::field).containsExactly("facility.taxId");
  }

  @Test
  void anEncounterWithoutBillableChargesIsRefusedNamingWhere() {
    List<Resource> resources = SandboxTestRecords.of(NETWORK, visit("C07", ClosedEncounter.EncounterClass.AMBULATORY));
    resources.stream().filter(ChargeItem.class::isInstance).map(ChargeItem.class::cast)
        .forEach(c -> c.setStatus(ChargeItem.ChargeItemStatus.NOTBILLABLE));

    assertThatThrownBy(() -> map(resources)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ChargeItem: the encounter has no billable ChargeItem");
  }

  @Test
  void aSecondCoverageWithOrderTwoIsTheClaimsSecondaryPayer() {
    List<Resource> resources = SandboxTestRecords.of(NETWORK, visit("C07", ClosedEncounter.EncounterClass.AMBULATORY));
    // no Account: the patient's active coverages in their order
    resources.stream().filter(Encounter.class::isInstance).map(Encounter.class::cast).forEach(e -> e.setAccount(List.of()));
    Coverage primary = resources.stream().filter(Coverage.class::isInstance).map(Coverage.class::cast).findFirst().orElseThrow();
    primary.setOrder(1);
    resources.add(secondCoverage("cov-2", "CMB", "TG1234567-01").setOrder(2));

    FhirEncounterMapper.Mapped mapped = map(resources);

    assertThat(mapped.findings()).isEmpty();
    assertThat(mapped.encounter().coverage().payerId()).isEqualTo("CMA");
    assertThat(mapped.encounter().otherCoverages()).singleElement().satisfies(c -> {
      assertThat(c.payerId()).isEqualTo("CMB");
      assertThat(c.memberId()).isEqualTo("TG1234567-01");
    });
  }

  @Test
  void theAccountsCoverageOfPriorityTwoIsTheSecondaryAndOneWithoutAMemberIdIsAFinding() {
    List<Resource> resources = SandboxTestRecords.of(NETWORK, visit("C07", ClosedEncounter.EncounterClass.AMBULATORY));
    org.hl7.fhir.r4.model.Account account = resources.stream().filter(org.hl7.fhir.r4.model.Account.class::isInstance)
        .map(org.hl7.fhir.r4.model.Account.class::cast).findFirst().orElseThrow();
    account.addCoverage().setCoverage(new org.hl7.fhir.r4.model.Reference("Coverage/cov-2")).setPriority(2);
    resources.add(secondCoverage("cov-2", "MCD", null));

    FhirEncounterMapper.Mapped mapped = map(resources);

    assertThat(mapped.encounter().coverage().payerId()).isEqualTo("CMA");
    assertThat(mapped.encounter().otherCoverages()).extracting(ClosedEncounter.Coverage::payerId).containsExactly("MCD");
    assertThat(mapped.findings()).extracting(IntakeFinding::field).containsExactly("otherCoverages[0].memberId");
  }

  private static Coverage secondCoverage(String id, String payerId, String memberId) {
    Coverage c = new Coverage();
    c.setId(id);
    c.setStatus(Coverage.CoverageStatus.ACTIVE);
    c.setBeneficiary(new org.hl7.fhir.r4.model.Reference("Patient/M1"));
    if (memberId != null) {
      c.setSubscriberId(memberId);
    }
    c.addPayor(new org.hl7.fhir.r4.model.Reference("Organization/payer-" + payerId));
    c.setRelationship(new org.hl7.fhir.r4.model.CodeableConcept(
        new org.hl7.fhir.r4.model.Coding(FhirCodes.SUBSCRIBER_RELATIONSHIP, "self", null)));
    return c;
  }

  @Test
  void anEncounterWithoutAPatientIsRefused() {
    List<Resource> resources = SandboxTestRecords.of(NETWORK, visit("C07", ClosedEncounter.EncounterClass.AMBULATORY));
    resources.removeIf(r -> r instanceof org.hl7.fhir.r4.model.Patient);

    assertThatThrownBy(() -> map(resources)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Encounter.subject: the patient Patient/M1 does not exist in the EHR");
  }
}
