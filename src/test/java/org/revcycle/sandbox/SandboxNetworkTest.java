package org.revcycle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.revcycle.sandbox.SandboxNetwork.Facility;
import org.revcycle.sandbox.SandboxNetwork.FacilityType;
import org.revcycle.sandbox.SandboxNetwork.Payer;
import org.revcycle.sandbox.SandboxNetwork.PayerClass;
import org.revcycle.sandbox.SandboxNetwork.Provider;

class SandboxNetworkTest {

  private final SandboxNetwork network = new SandboxNetwork();

  @Test
  void npiCheckDigitFollowsTheLuhnRuleWithThe80840Prefix() {
    assertThat(SandboxNetwork.isValidNpi("1234567893")).isTrue();
    assertThat(SandboxNetwork.isValidNpi("1234567890")).isFalse();
    assertThat(SandboxNetwork.npiWithCheckDigit("123456789")).isEqualTo("1234567893");
    assertThat(SandboxNetwork.isValidNpi(null)).isFalse();
    assertThat(SandboxNetwork.isValidNpi("123456789")).isFalse();
    assertThat(SandboxNetwork.isValidNpi("12345678A3")).isFalse();
    assertThatThrownBy(() -> SandboxNetwork.npiWithCheckDigit("12345")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sixHospitalsAndFortyClinicsInOneState() {
    List<Facility> hospitals = network.facilities().stream().filter(f -> f.type() == FacilityType.HOSPITAL).toList();
    List<Facility> clinics = network.facilities().stream().filter(f -> f.type() == FacilityType.CLINIC).toList();

    assertThat(hospitals).extracting(Facility::id).containsExactly("H01", "H02", "H03", "H04", "H05", "H06");
    assertThat(hospitals).allSatisfy(h -> assertThat(h.placeOfService()).isEqualTo("21"));
    assertThat(clinics).hasSize(40).allSatisfy(c -> assertThat(c.placeOfService()).isEqualTo("11"));
    assertThat(clinics.get(0).id()).isEqualTo("C01");
    assertThat(clinics.get(39).id()).isEqualTo("C40");
    assertThat(network.facilities()).allSatisfy(f -> {
      assertThat(SandboxNetwork.isValidNpi(f.npi())).as(f.id()).isTrue();
      assertThat(f.taxId()).matches("[0-9]{9}");
      assertThat(f.state()).isEqualTo("OH");
      assertThat(f.city()).isNotBlank();
    });
    assertThat(network.facilities()).extracting(Facility::id).doesNotHaveDuplicates();
    assertThat(network.facilities()).extracting(Facility::name).doesNotHaveDuplicates();
  }

  @Test
  void everyNpiInTheNetworkIsValidAndUnique() {
    List<String> npis = new ArrayList<>(network.facilities().stream().map(Facility::npi).toList());
    npis.addAll(network.providers().stream().map(Provider::npi).toList());

    assertThat(npis).doesNotHaveDuplicates().allSatisfy(npi -> assertThat(SandboxNetwork.isValidNpi(npi)).isTrue());
  }

  @Test
  void aboutSixtyProvidersAndEveryFacilityHasOne() {
    assertThat(network.providers()).hasSizeBetween(55, 70);
    assertThat(network.facilities()).allSatisfy(f -> assertThat(network.providersAt(f.id())).isNotEmpty());
    assertThat(network.providers()).allSatisfy(p -> {
      assertThat(network.facility(p.facilityId())).isPresent();
      assertThat(p.taxonomyCode()).matches("[0-9A-Z]{9}X");
      assertThat(p.name()).isNotBlank();
    });
  }

  @Test
  void payersHaveTheirClassesTimelyFilingAndMemberIdFormats() {
    assertThat(network.payers()).hasSizeGreaterThanOrEqualTo(5);
    assertThat(network.payers()).extracting(Payer::id).doesNotHaveDuplicates();
    assertThat(network.payer("MCR").orElseThrow()).extracting(Payer::payerClass, Payer::timelyFilingDays)
        .containsExactly(PayerClass.MEDICARE, 365);
    assertThat(network.payer("MCD").orElseThrow()).extracting(Payer::payerClass, Payer::timelyFilingDays)
        .containsExactly(PayerClass.MEDICAID, 365);
    assertThat(network.payer("CMA").orElseThrow()).extracting(Payer::payerClass, Payer::timelyFilingDays)
        .containsExactly(PayerClass.COMMERCIAL, 180);
    assertThat(network.payer("CMB").orElseThrow()).extracting(Payer::payerClass, Payer::timelyFilingDays)
        .containsExactly(PayerClass.COMMERCIAL, 90);
    assertThat(network.payer("SELF")).isEmpty();

    Pattern mbi = Pattern.compile(network.payer("MCR").orElseThrow().memberIdPattern());
    assertThat(mbi.matcher("1EG4TE5MK73").matches()).isTrue();
    assertThat(mbi.matcher("123456789A").matches()).as("a retired HICN").isFalse();
    assertThat(mbi.matcher("1SG4TE5MK73").matches()).as("S is never used in an MBI").isFalse();
  }

  @Test
  void masterDataIsTheSameEveryTime() {
    SandboxNetwork again = new SandboxNetwork();

    assertThat(again.facilities()).isEqualTo(network.facilities());
    assertThat(again.providers()).isEqualTo(network.providers());
    assertThat(again.payers()).isEqualTo(network.payers());
  }

  @Test
  void priorAuthorizationPolicy() {
    assertThat(network.priorAuthorizationRequired("MCR", false, List.of("70553"), List.of())).isTrue();
    assertThat(network.priorAuthorizationRequired("CMA", false, List.of(), List.of("0360"))).isTrue();
    assertThat(network.priorAuthorizationRequired("CMB", true, List.of(), List.of("0120"))).isTrue();
    assertThat(network.priorAuthorizationRequired("MCR", true, List.of(), List.of("0120"))).isFalse();
    assertThat(network.priorAuthorizationRequired("CMA", false, List.of("99213"), List.of())).isFalse();
    assertThat(network.priorAuthorizationRequired(null, true, List.of("27447"), List.of())).as("self-pay").isFalse();
  }
}
