package org.revcycle.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RegistrationCheckTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

  @Test
  void completeRegistrationHasNoProblems() {
    var r = new RegistrationCheck.Registration("P1", "H01", TODAY.minusDays(3), TODAY.minusDays(1), "MCR");
    assertThat(RegistrationCheck.problems(r, TODAY)).isEmpty();
  }

  @Test
  void eachProblemNamesItsField() {
    var r = new RegistrationCheck.Registration(" ", null, TODAY.plusDays(2), TODAY.plusDays(1), "");
    assertThat(RegistrationCheck.problems(r, TODAY))
        .extracting(RegistrationProblem::field)
        .containsExactly("patient", "facility", "coverage", "serviceDate", "dischargeDate");
  }
}
