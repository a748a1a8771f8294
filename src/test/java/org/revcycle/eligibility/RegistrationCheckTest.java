package org.revcycle.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RegistrationCheckTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
  private static final LocalDate DOS = TODAY.minusDays(3);

  private static RegistrationCheck.Registration complete() {
    return new RegistrationCheck.Registration("Rivera", "Ana", LocalDate.of(1950, 4, 2), "F", "H01", true, DOS,
        TODAY.minusDays(1), "CMA", true, "[A-Z]{3}\\d{9}", "XQA123456789", "SELF", DOS.minusYears(1), null);
  }

  @Test
  void completeRegistrationHasNoProblems() {
    assertThat(RegistrationCheck.problems(complete(), TODAY)).isEmpty();
  }

  @Test
  void selfPayNeedsNoCoverage() {
    var r = complete();
    var selfPay = new RegistrationCheck.Registration(r.familyName(), r.givenName(), r.birthDate(), r.sex(),
        r.facilityId(), true, DOS, null, null, false, null, null, null, null, null);
    assertThat(RegistrationCheck.problems(selfPay, TODAY)).isEmpty();
  }

  @Test
  void coverageThatEndedBeforeServiceAndAMalformedMemberIdAreNamed() {
    var r = new RegistrationCheck.Registration("Rivera", "Ana", LocalDate.of(1950, 4, 2), "F", "H01", true, DOS,
        null, "CMA", true, "[A-Z]{3}\\d{9}", "12345", "SELF", null, DOS.minusDays(1));
    assertThat(RegistrationCheck.problems(r, TODAY))
        .extracting(RegistrationProblem::field)
        .containsExactly("coverage.memberId", "coverage.endDate");
  }

  @Test
  void unknownPayerAndFacilityAreProblemsNotCrashes() {
    var r = new RegistrationCheck.Registration("Rivera", "Ana", LocalDate.of(1950, 4, 2), "F", "X99", false, DOS,
        null, "NOPE", false, null, "1", "SELF", null, null);
    assertThat(RegistrationCheck.problems(r, TODAY))
        .extracting(RegistrationProblem::field)
        .containsExactly("facility", "coverage.payerId");
  }

  @Test
  void impossibleDatesAreNamed() {
    var r = new RegistrationCheck.Registration(" ", null, TODAY.plusDays(9), "", "H01", true, TODAY.plusDays(2),
        TODAY.plusDays(1), null, false, null, null, null, null, null);
    assertThat(RegistrationCheck.problems(r, TODAY))
        .extracting(RegistrationProblem::field)
        .containsExactly("patient.name", "patient.birthDate", "patient.sex", "serviceDate", "dischargeDate");
  }

  private static RegistrationCheck.Registration dependent(String relationship) {
    return new RegistrationCheck.Registration("Rivera", "Ana", LocalDate.of(2010, 4, 2), "F", "H01", true, DOS,
        null, "CMB", true, "TG[0-9]{7}-0[1-9]", "TG1234567-03", relationship, DOS.minusYears(1), null);
  }

  private static RegistrationCheck.Parties parties(String family, String given, LocalDate birth, String npi, boolean known) {
    return new RegistrationCheck.Parties(family, given, birth, "M", npi, known, "H01", "1234567893", "311234567",
        "Tallgrass", true, true, true);
  }

  @Test
  void aDependentsSubscriberMustBeNamedAndOlderForAChild() {
    assertThat(RegistrationCheck.partyProblems(dependent("CHILD"), parties("Rivera", "Luis", LocalDate.of(1980, 1, 1),
        null, false))).isEmpty();
    assertThat(RegistrationCheck.partyProblems(dependent("CHILD"), parties(null, null, null, null, false)))
        .extracting(RegistrationProblem::field).containsExactly("coverage.subscriber");
    assertThat(RegistrationCheck.partyProblems(dependent("CHILD"), parties("Rivera", "Luis", LocalDate.of(2012, 1, 1),
        null, false)))
        .singleElement().satisfies(p -> assertThat(p.message()).contains("not older than the patient"));
    assertThat(RegistrationCheck.partyProblems(dependent("SPOUSE"), parties("Rivera", "Ana", LocalDate.of(2010, 4, 2),
        null, false)))
        .singleElement().satisfies(p -> assertThat(p.message()).contains("The subscriber is the patient"));
  }

  @Test
  void anUnknownRenderingProviderIsAProblemNotACrash() {
    assertThat(RegistrationCheck.partyProblems(complete(), parties(null, null, null, "1234567893", false)))
        .singleElement().satisfies(p -> {
          assertThat(p.field()).isEqualTo("renderingProviderNpi");
          assertThat(p.message()).contains("not in the master data");
        });
    assertThat(RegistrationCheck.partyProblems(complete(), parties(null, null, null, "1234567893", true))).isEmpty();
  }

  @Test
  void anInactivePayerOrProviderIsNamed() {
    var p = new RegistrationCheck.Parties(null, null, null, null, "1234567893", true, "H01", "1234567893", "311234567",
        "Lakeshore", true, false, false);
    assertThat(RegistrationCheck.partyProblems(complete(), p)).extracting(RegistrationProblem::message)
        .anyMatch(m -> m.contains("provider 1234567893 is inactive"))
        .anyMatch(m -> m.contains("Payer CMA is inactive"));
  }
}
