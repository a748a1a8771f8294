package org.revcycle.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.revcycle.platform.engine.PolicyDecisions.Outcome;
import org.revcycle.platform.engine.StandaloneDecisions;

/** decisions/denial-root-cause.dmn: known group/CARC/RARC combinations to a root cause and a next action. */
class DenialRootCauseTest {

  private static StandaloneDecisions decisions;

  @BeforeAll
  static void parse() {
    decisions = new StandaloneDecisions(List.of("decisions/denial-root-cause.dmn", "decisions/work-queue-routing.dmn"));
  }

  private static Outcome classify(String group, String carc, String rarcs) {
    Map<String, Object> in = new HashMap<>();
    in.put("groupCode", group);
    in.put("reasonCode", carc);
    in.put("remarkCodes", rarcs == null || rarcs.isBlank() ? List.of() : Arrays.asList(rarcs.split(" ")));
    return decisions.evaluate("denial-root-cause", in);
  }

  @ParameterizedTest(name = "{0}-{1} {2} -> {3} ({4})")
  @CsvSource({
    "CO, 197, ,           AUTHORIZATION,            Rule_Auth",
    "CO, 16,  M62,        AUTHORIZATION,            Rule_Auth16M62",
    "CO, 16,  N290,       MISSING_INFORMATION,      Rule_Missing16N290",
    "CO, 16,  N56 MA130,  MISSING_INFORMATION,      Rule_Missing16MA130",
    "CO, 27,  ,           REGISTRATION_ELIGIBILITY, Rule_Eligibility",
    "CO, 22,  ,           COORDINATION_OF_BENEFITS, Rule_Cob",
    "OA, 23,  ,           COORDINATION_OF_BENEFITS, Rule_Cob23Oa",
    "CO, 29,  ,           TIMELY_FILING,            Rule_TimelyFiling",
    "OA, 18,  ,           DUPLICATE,                Rule_Duplicate",
    "CO, 50,  ,           MEDICAL_NECESSITY,        Rule_MedicalNecessity",
    "PR, 96,  N130,       NON_COVERED,              Rule_NonCovered",
    "CO, 97,  ,           CODING,                   Rule_Coding",
    "CO, 252, ,           MISSING_INFORMATION,      Rule_Attachment",
  })
  void knownCombinationsHaveARootCauseAndAnAction(String group, String carc, String rarcs, String rootCause, String rule) {
    Outcome outcome = classify(group, carc, rarcs);
    assertThat(outcome.matchedRules()).hasSize(1);
    assertThat(outcome.single().ruleId()).isEqualTo(rule);
    assertThat(outcome.single().outputs().get("rootCause")).isEqualTo(rootCause);
    assertThat((String) outcome.single().outputs().get("suggestedAction")).isNotBlank();
  }

  @Test
  void anAmbiguousCatchAllCodeIsLeftToTheClassifier() {
    // CARC 16 alone, or with a remark code the table does not know, says nothing about the cause
    assertThat(classify("CO", "16", null).matchedRules()).isEmpty();
    assertThat(classify("CO", "16", "N56").matchedRules()).isEmpty();
    assertThat(classify("CO", "999", null).matchedRules()).isEmpty();
  }

  /** The team of each root cause is the routing DRD's (exception type DENIAL, the root cause as the edit). */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "CODING,                   coders",
    "AUTHORIZATION,            billing-specialists",
    "REGISTRATION_ELIGIBILITY, billing-specialists",
    "COORDINATION_OF_BENEFITS, billing-specialists",
    "MISSING_INFORMATION,      billing-specialists",
    "DUPLICATE,                billing-specialists",
    "TIMELY_FILING,            billing-specialists",
    "MEDICAL_NECESSITY,        denial-analysts",
    "NON_COVERED,              denial-analysts",
  })
  void eachRootCauseIsWorkedByItsTeam(String rootCause, String queue) {
    Map<String, Object> in = new HashMap<>();
    in.put("exceptionType", "DENIAL");
    in.put("claimCharge", 300.0);
    in.put("editCode", rootCause);
    in.put("facilityId", "C07");
    in.put("facilityType", "CLINIC");
    in.put("specialty", null);
    Outcome routed = decisions.evaluate("work-queue-routing", in);
    assertThat(routed.single().outputs().get("queue")).isEqualTo(queue);
    assertThat(((Number) routed.single().outputs().get("priority")).intValue()).isEqualTo(70);
  }

  @ParameterizedTest(name = "{0} -> {1}, priority {2}")
  @CsvSource({
    "DENIAL_TRIAGE,  denial-analysts, 75",
    "APPEAL,         denial-analysts, 60",
    "CORRESPONDENCE, denial-analysts, 60",
  })
  void triageAppealsAndLettersGoToTheDenialTeam(String type, String queue, int priority) {
    Map<String, Object> in = new HashMap<>();
    in.put("exceptionType", type);
    in.put("claimCharge", 300.0);
    in.put("editCode", null);
    in.put("facilityId", null);
    in.put("facilityType", null);
    in.put("specialty", null);
    Outcome routed = decisions.evaluate("work-queue-routing", in);
    assertThat(routed.single().outputs().get("queue")).isEqualTo(queue);
    assertThat(((Number) routed.single().outputs().get("priority")).intValue()).isEqualTo(priority);
  }
}
