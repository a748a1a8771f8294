package org.revcycle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.revcycle.eligibility.EligibilityVerification;
import org.revcycle.eligibility.EligibilityVerification.Outcome;
import org.revcycle.eligibility.EligibilityVerification.Person;
import org.revcycle.eligibility.RegistrationProblem;
import org.revcycle.x12.CountingControlNumbers;

/** Real-time eligibility against the sandbox payers: a real 270 out, a real 271 back, read and judged. */
class SandboxEligibilityTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
  private static final LocalDate DOS = LocalDate.of(2026, 11, 20);
  private static final Person PATIENT = new Person("Testperson", "Alex", LocalDate.of(1961, 5, 14), "F");

  private final EligibilityVerification verification = new EligibilityVerification(
      new SandboxEligibility(new SandboxNetwork(), CLOCK), new CountingControlNumbers(7), CLOCK);

  private EligibilityVerification.Verification verify(String payer, String memberId, Person subscriber) {
    return verification.verify(new EligibilityVerification.Request(payer, "Lakeshore Mutual Health Plan", memberId, PATIENT,
        subscriber, "Kestrel Valley Family Medicine Dublin", "1234567893", "311234567", DOS));
  }

  @ParameterizedTest
  @CsvSource({
    "CMA, LMH123456781, ACTIVE, , ",
    "CMB, TG1234567-01, ACTIVE, , ",
    "CMA, LMH123456700, INACTIVE, eligibility, no active coverage on the date of service 2026-11-20",
    "CMB, TG1234500-01, INACTIVE, eligibility, no active coverage",
    "CMA, LMH123456799, REJECTED, coverage, (AAA 75)",
    "MCD, 123456789098, REJECTED, patient.name, (AAA 73)",
    "MCO, MG123456781, ACTIVE, , ",
    "CMA, LMH12345, REJECTED, coverage.memberId, (AAA 72). Correct the registration"
  })
  void thePayersAnswerDependsOnTheMember(String payer, String memberId, Outcome outcome, String field, String words) {
    EligibilityVerification.Verification v = verify(payer, memberId, null);

    assertThat(v.outcome()).isEqualTo(outcome);
    assertThat(v.request270()).startsWith("ISA*").contains("ST*270*", "NM1*IL*1*TESTPERSON*ALEX****MI*" + memberId,
        "DTP*291*D8*20261120", "EQ*30");
    assertThat(v.response271()).startsWith("ISA*").contains("ST*271*", "TRN*2*" + v.traceNumber());
    if (field == null) {
      assertThat(v.problems()).isEmpty();
      assertThat(v.response271()).contains("EB*1*IND*30");
    } else {
      assertThat(v.problems()).singleElement().satisfies(p -> {
        assertThat(p.field()).isEqualTo(field);
        assertThat(p.message()).contains(words).doesNotContain("TESTPERSON", "1961");
      });
    }
  }

  @Test
  void aDependentIsAskedAboutUnderTheSubscribersMemberId() {
    EligibilityVerification.Verification v =
        verify("CMB", "TG7654321-03", new Person("Testperson", "Jordan", LocalDate.of(1935, 2, 3), "M"));

    assertThat(v.outcome()).isEqualTo(Outcome.ACTIVE);
    assertThat(v.request270()).contains("NM1*IL*1*TESTPERSON*JORDAN****MI*TG7654321-03", "HL*4*3*23*0",
        "NM1*03*1*TESTPERSON*ALEX", "DMG*D8*19610514*F");
    assertThat(v.response271()).contains("HL*4*3*23*0", "NM1*03*1*TESTPERSON*ALEX");
  }

  @Test
  void problemsReadAsPlainWords() {
    RegistrationProblem problem = verify("CMA", "LMH123456799", null).problems().get(0);
    assertThat(problem.message()).startsWith("Payer CMA rejected the eligibility inquiry: ")
        .contains("Subscriber/Insured Not Found");
  }
}
