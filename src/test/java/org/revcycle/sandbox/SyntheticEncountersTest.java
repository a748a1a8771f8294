package org.revcycle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.revcycle.sandbox.TestClaims.CLOCK;
import static org.revcycle.sandbox.TestClaims.TODAY;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.revcycle.encounter.ClosedEncounter;
import org.revcycle.encounter.ClosedEncounter.Charge;
import org.revcycle.encounter.ClosedEncounter.EncounterClass;
import org.revcycle.sandbox.SandboxNetwork.FacilityType;
import org.revcycle.sandbox.SandboxNetwork.PayerClass;
import org.revcycle.sandbox.SandboxNetwork.Provider;

class SyntheticEncountersTest {

  private static final SandboxNetwork NETWORK = new SandboxNetwork();
  private static ValidatorFactory validatorFactory;
  private static Validator validator;
  private static List<ClosedEncounter> sample;

  @BeforeAll
  static void generate() {
    validatorFactory = Validation.buildDefaultValidatorFactory();
    validator = validatorFactory.getValidator();
    sample = new SyntheticEncounters(NETWORK, 42L, CLOCK).next(2_000);
  }

  @AfterAll
  static void close() {
    validatorFactory.close();
  }

  @Test
  void sameSeedSameEncounters() {
    List<ClosedEncounter> again = new SyntheticEncounters(NETWORK, 42L, CLOCK).next(2_000);

    assertThat(again).isEqualTo(sample);
  }

  @Test
  void differentSeedsDifferentEncountersAndIds() {
    List<ClosedEncounter> other = new SyntheticEncounters(NETWORK, 43L, CLOCK).next(2_000);

    assertThat(other).isNotEqualTo(sample);
    assertThat(other.stream().map(e -> e.patient().familyName() + e.serviceDate()).toList())
        .isNotEqualTo(sample.stream().map(e -> e.patient().familyName() + e.serviceDate()).toList());
    Set<String> ids = new HashSet<>(sample.stream().map(ClosedEncounter::sourceId).toList());
    assertThat(other).noneMatch(e -> ids.contains(e.sourceId()));
    Set<String> mrns = new HashSet<>(sample.stream().map(e -> e.patient().mrn()).toList());
    assertThat(other).noneMatch(e -> mrns.contains(e.patient().mrn()));
  }

  @Test
  void everyEncounterPassesBeanValidation() {
    assertThat(sample).allSatisfy(e -> {
      Set<ConstraintViolation<ClosedEncounter>> violations = validator.validate(e);
      assertThat(violations).as(e.sourceId() + " " + violations).isEmpty();
      assertThat(e.sourceSystem()).isEqualTo("sandbox-ehr");
    });
    assertThat(sample).extracting(ClosedEncounter::sourceId).doesNotHaveDuplicates();
  }

  @Test
  void encountersAreShapedLikeTheirSetting() {
    assertThat(sample).allSatisfy(e -> {
      FacilityType type = NETWORK.facility(e.facilityId()).orElseThrow().type();
      assertThat(NETWORK.providersAt(e.facilityId())).extracting(Provider::npi).contains(e.renderingProviderNpi());
      assertThat(e.diagnoses()).hasSizeBetween(1, 4).doesNotHaveDuplicates();
      assertThat(e.charges()).allSatisfy(c -> assertThat(c.amount().scale()).isEqualTo(2));
      long daysAgo = ChronoUnit.DAYS.between(e.serviceDate(), TODAY);
      assertThat(daysAgo).as("service date").isBetween(1L, 20L);
      assertThat(e.patient().state()).isEqualTo("OH");
      if (type == FacilityType.CLINIC) {
        assertThat(e.encounterClass()).isEqualTo(EncounterClass.AMBULATORY);
        assertThat(e.charges()).allSatisfy(c -> assertThat(c.procedureCode()).isNotNull());
      } else {
        assertThat(e.encounterClass()).isNotEqualTo(EncounterClass.AMBULATORY);
        assertThat(e.charges()).allSatisfy(c -> assertThat(c.revenueCode()).isNotNull());
      }
      if (e.encounterClass() == EncounterClass.INPATIENT) {
        assertThat(ChronoUnit.DAYS.between(e.serviceDate(), e.dischargeDate())).isBetween(2L, 5L);
        assertThat(e.dischargeDate()).isBeforeOrEqualTo(TODAY);
        assertThat(e.charges()).anyMatch(c -> "0120".equals(c.revenueCode()));
      } else {
        assertThat(e.dischargeDate()).isNull();
      }
    });
  }

  @Test
  void emVisitWithSameDayProcedureCarriesModifier25() {
    List<ClosedEncounter> injections = sample.stream()
        .filter(e -> e.charges().stream().anyMatch(c -> "20610".equals(c.procedureCode()))).toList();

    assertThat(injections).isNotEmpty().allSatisfy(e -> assertThat(e.charges().get(0).modifiersOrEmpty()).contains("25"));
  }

  @Test
  void mixIsRoughlyAsConfigured() {
    double clinics = share(e -> NETWORK.facility(e.facilityId()).orElseThrow().type() == FacilityType.CLINIC);
    assertThat(clinics).isBetween(0.70, 0.81);
    for (EncounterClass c : EncounterClass.values()) {
      assertThat(sample).anyMatch(e -> e.encounterClass() == c);
    }
    assertThat(share(e -> payerClass(e) == PayerClass.MEDICARE)).isBetween(0.30, 0.40);
    assertThat(share(e -> payerClass(e) == PayerClass.MEDICAID)).isBetween(0.11, 0.19);
    assertThat(share(e -> payer(e).equals("CMA"))).isBetween(0.20, 0.30);
    assertThat(share(e -> payer(e).equals("CMB"))).isBetween(0.15, 0.25);
    assertThat(share(e -> e.coverage() == null)).isBetween(0.02, 0.08);

    List<ClosedEncounter> medicare = sample.stream().filter(e -> payerClass(e) == PayerClass.MEDICARE).toList();
    long seniors = medicare.stream().filter(e -> age(e) >= 65).count();
    assertThat((double) seniors / medicare.size()).isGreaterThan(0.8);
    assertThat(sample.stream().mapToInt(SyntheticEncountersTest::age).max().orElseThrow()).isGreaterThan(85);
    assertThat(sample).anyMatch(e -> age(e) == 0);
    assertThat(sample).anyMatch(e -> "F".equals(e.patient().sex())).anyMatch(e -> "M".equals(e.patient().sex()));
  }

  @Test
  void coverageIsCleanExceptForDefects() {
    List<ClosedEncounter> clean = new SyntheticEncounters(NETWORK, 7L, CLOCK, 0, 0).next(2_000);

    assertThat(clean).noneMatch(SyntheticEncountersTest::registrationDefect)
        .noneMatch(SyntheticEncountersTest::codingDefect);
    assertThat(clean).filteredOn(e -> e.coverage() != null && age(e) < 18 && payerClass(e) == PayerClass.COMMERCIAL)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.coverage().relationship()).isEqualTo("CHILD"));
    assertThat(clean).filteredOn(e -> e.coverage() != null && payerClass(e) == PayerClass.MEDICARE)
        .allSatisfy(e -> assertThat(e.coverage().relationship()).isEqualTo("SELF"));
  }

  @Test
  void defectRatesAreRoughlyAsConfigured() {
    assertThat(share(SyntheticEncountersTest::registrationDefect)).isBetween(0.015, 0.05);
    assertThat(share(SyntheticEncountersTest::codingDefect)).isBetween(0.015, 0.05);

    List<ClosedEncounter> many = new SyntheticEncounters(NETWORK, 9L, CLOCK, 0.20, 0.10).next(2_000);
    assertThat(share(many, SyntheticEncountersTest::registrationDefect)).isBetween(0.16, 0.24);
    assertThat(share(many, SyntheticEncountersTest::codingDefect)).isBetween(0.07, 0.13);
    // Both kinds of registration defect appear.
    assertThat(many).anyMatch(e -> e.coverage() != null && e.coverage().endDate() != null
        && e.coverage().endDate().isBefore(e.serviceDate()));
    assertThat(many).anyMatch(e -> e.coverage() != null && !memberIdMatches(e));
  }

  @Test
  void defectRatesMustBeProbabilities() {
    assertThatThrownBy(() -> new SyntheticEncounters(NETWORK, 1L, CLOCK, -0.1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SyntheticEncounters(NETWORK, 1L, CLOCK, 0.7, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static boolean registrationDefect(ClosedEncounter e) {
    var c = e.coverage();
    return c != null && ((c.endDate() != null && c.endDate().isBefore(e.serviceDate()))
        || (c.startDate() != null && c.startDate().isAfter(e.serviceDate())) || !memberIdMatches(e));
  }

  static boolean codingDefect(ClosedEncounter e) {
    List<String> procedures = e.charges().stream().map(Charge::procedureCode).filter(Objects::nonNull).toList();
    List<String> revenueCodes = e.charges().stream().map(Charge::revenueCode).filter(Objects::nonNull).toList();
    return e.priorAuthorization() == null && e.coverage() != null && NETWORK.priorAuthorizationRequired(
        e.coverage().payerId(), e.dischargeDate() != null, procedures, revenueCodes);
  }

  private static boolean memberIdMatches(ClosedEncounter e) {
    String pattern = NETWORK.payer(e.coverage().payerId()).orElseThrow().memberIdPattern();
    return Pattern.matches(pattern, e.coverage().memberId());
  }

  private static double share(Predicate<ClosedEncounter> p) {
    return share(sample, p);
  }

  private static double share(List<ClosedEncounter> encounters, Predicate<ClosedEncounter> p) {
    return (double) encounters.stream().filter(p).count() / encounters.size();
  }

  private static PayerClass payerClass(ClosedEncounter e) {
    return e.coverage() == null ? null : NETWORK.payer(e.coverage().payerId()).orElseThrow().payerClass();
  }

  private static String payer(ClosedEncounter e) {
    return e.coverage() == null ? "" : e.coverage().payerId();
  }

  private static int age(ClosedEncounter e) {
    return Period.between(e.patient().birthDate(), e.serviceDate()).getYears();
  }
}
