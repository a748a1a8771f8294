package org.revcycle.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.revcycle.platform.engine.PolicyDecisions.MatchedRule;
import org.revcycle.platform.engine.PolicyDecisions.Outcome;
import org.revcycle.platform.engine.StandaloneDecisions;

/**
 * decisions/payer-edits.dmn, a DRD: edit families per payer and claim type, thresholds (network
 * standard, facility overrides), coding completeness, and the payer edits built on them.
 */
class PayerEditsTest {

  private static StandaloneDecisions decisions;

  @BeforeAll
  static void parse() {
    decisions = new StandaloneDecisions(List.of("decisions/payer-edits.dmn"));
  }

  static Map<String, Object> clean() {
    Map<String, Object> facts = new HashMap<>();
    facts.put("payerId", "CMA");
    facts.put("payerClass", "COMMERCIAL");
    facts.put("claimType", "PROFESSIONAL");
    facts.put("inpatient", false);
    facts.put("facilityId", "C07");
    facts.put("facilityType", "CLINIC");
    facts.put("specialty", "Family Medicine");
    facts.put("diagnosisCount", 2);
    facts.put("linesWithoutProcedureCode", 0);
    facts.put("linesWithoutRevenueCode", 2);
    facts.put("hasPriorAuthorization", false);
    facts.put("daysLeftToFile", 170);
    facts.put("timelyFilingDays", 180);
    facts.put("totalCharge", 249.50);
    facts.put("patientAge", 45);
    return facts;
  }

  private static Outcome evaluate(Map<String, Object> facts) {
    return decisions.evaluate("payer-edits", facts);
  }

  /** Edit codes from every decision of the DRD, in evaluation order. */
  private static List<String> edits(Map<String, Object> facts) {
    return evaluate(facts).all().stream().flatMap(o -> o.matchedRules().stream())
        .map(r -> (String) r.outputs().get("editCode")).filter(c -> c != null).toList();
  }

  private static List<Object> families(Map<String, Object> facts) {
    return evaluate(facts).decision("edit-families").orElseThrow().matchedRules().stream()
        .map(r -> r.outputs().get("editFamilies")).toList();
  }

  private static MatchedRule thresholds(Map<String, Object> facts) {
    return evaluate(facts).decision("claim-thresholds").orElseThrow().single();
  }

  @Test
  void cleanProfessionalClaimPassesEveryEdit() {
    assertThat(edits(clean())).isEmpty();
  }

  @Test
  void theDrdEvaluatesEveryDecisionItRequires() {
    Outcome outcome = evaluate(clean());
    assertThat(outcome.decisionKey()).isEqualTo("payer-edits");
    assertThat(outcome.required()).extracting(Outcome::decisionKey)
        .containsExactlyInAnyOrder("edit-families", "claim-thresholds", "coding-completeness");
  }

  @ParameterizedTest(name = "{0} {1} {2} inpatient={3}: {4}")
  @CsvSource(delimiter = ';', value = {
    "CMA; COMMERCIAL; PROFESSIONAL;  false; COMPLETENESS AGE_SEX NCCI_PTP MUE ADD_ON MODIFIER DIAGNOSIS_SUPPORT PRIOR_AUTH TIMELY_FILING",
    "MCR; MEDICARE;   INSTITUTIONAL; false; COMPLETENESS AGE_SEX NCCI_PTP MUE MODIFIER DIAGNOSIS_SUPPORT PRIOR_AUTH TIMELY_FILING",
    "MCD; MEDICAID;   INSTITUTIONAL; true;  COMPLETENESS AGE_SEX DIAGNOSIS_SUPPORT PRIOR_AUTH TIMELY_FILING",
    "CMB; COMMERCIAL; PROFESSIONAL;  false; COMPLETENESS AGE_SEX NCCI_PTP MUE ADD_ON MODIFIER PRIOR_AUTH TIMELY_FILING",
    ";    SELF_PAY;   PROFESSIONAL;  false; COMPLETENESS AGE_SEX",
  })
  void editFamiliesApplyPerPayerAndClaimType(String payer, String payerClass, String claimType, boolean inpatient,
      String expected) {
    Map<String, Object> f = clean();
    f.put("payerId", payer);
    f.put("payerClass", payerClass);
    f.put("claimType", claimType);
    f.put("inpatient", inpatient);
    assertThat(families(f)).containsExactlyInAnyOrder((Object[]) expected.split(" "));
  }

  @ParameterizedTest(name = "{0} ({1}): warn at {2} days, review at {3} USD, rule {4}")
  @CsvSource({
    "H01, HOSPITAL, 45, 150000, Rule_ThresholdH01",
    "H06, HOSPITAL, 30,  25000, Rule_ThresholdH06",
    "H03, HOSPITAL, 30,  75000, Rule_ThresholdHospital",
    "C07, CLINIC,   21,   5000, Rule_ThresholdClinic",
    "C40, CLINIC,   21,   5000, Rule_ThresholdClinic",
  })
  void facilityOverridesWinOverTheNetworkStandard(String facility, String type, int warnDays, double review, String rule) {
    Map<String, Object> f = clean();
    f.put("facilityId", facility);
    f.put("facilityType", type);
    MatchedRule matched = thresholds(f);
    assertThat(matched.ruleId()).isEqualTo(rule);
    assertThat(((Number) matched.outputs().get("filingWarningDays")).intValue()).isEqualTo(warnDays);
    assertThat(((Number) matched.outputs().get("highDollarReview")).doubleValue()).isEqualTo(review);
  }

  @Test
  void codingCompletenessEdits() {
    Map<String, Object> f = clean();
    f.put("diagnosisCount", 0);
    assertThat(edits(f)).containsExactly("E-DX-MISSING");

    f = clean();
    f.put("diagnosisCount", 13);
    assertThat(edits(f)).containsExactly("E-DX-TOO-MANY");

    f = clean();
    f.put("linesWithoutProcedureCode", 1);
    assertThat(edits(f)).containsExactly("E-CPT-MISSING");

    f = clean();
    f.put("claimType", "INSTITUTIONAL");
    f.put("facilityType", "HOSPITAL");
    f.put("facilityId", "H03");
    assertThat(edits(f)).containsExactly("E-REV-MISSING");

    f = clean();
    f.put("totalCharge", 0.0);
    assertThat(edits(f)).containsExactly("E-ZERO-CHARGE");
  }

  @Test
  void inpatientAuthorizationForMedicaidAndCommercialOnly() {
    Map<String, Object> f = clean();
    f.put("inpatient", true);
    f.put("claimType", "INSTITUTIONAL");
    f.put("linesWithoutRevenueCode", 0);
    f.put("facilityType", "HOSPITAL");
    f.put("facilityId", "H03");
    assertThat(edits(f)).containsExactly("E-AUTH-INPATIENT");
    f.put("hasPriorAuthorization", true);
    assertThat(edits(f)).isEmpty();
    f.put("hasPriorAuthorization", false);
    f.put("payerClass", "MEDICARE");
    f.put("payerId", "MCR");
    f.put("patientAge", 70);
    assertThat(edits(f)).as("Medicare does not authorize admissions in advance").isEmpty();
  }

  @Test
  void timelyFilingUsesThePayersLimitAndTheFacilitysWarningThreshold() {
    Map<String, Object> f = clean();
    f.put("daysLeftToFile", -1);
    Outcome outcome = evaluate(f);
    MatchedRule rule = outcome.single();
    assertThat(rule.ruleId()).isEqualTo("Rule_TimelyFiling");
    assertThat(rule.outputs().get("severity")).isEqualTo("ERROR");
    assertThat((String) rule.outputs().get("message")).contains("180 days");
    assertThat((String) rule.outputs().get("suggestedFix")).contains("proof of timely filing");

    f.put("daysLeftToFile", 21);
    assertThat(edits(f)).as("clinic standard: warn at 21 days").containsExactly("W-TIMELY-SOON");
    f.put("daysLeftToFile", 22);
    assertThat(edits(f)).isEmpty();
    f.put("facilityId", "H01");
    f.put("facilityType", "HOSPITAL");
    f.put("claimType", "INSTITUTIONAL");
    f.put("linesWithoutRevenueCode", 0);
    f.put("daysLeftToFile", 40);
    assertThat(edits(f)).as("H01 override: warn at 45 days").containsExactly("W-TIMELY-SOON");
  }

  @Test
  void highDollarReviewByFacility() {
    Map<String, Object> f = clean();
    f.put("totalCharge", 5000.0);
    assertThat(edits(f)).containsExactly("W-HIGH-DOLLAR");
    f.put("facilityId", "H01");
    f.put("facilityType", "HOSPITAL");
    f.put("claimType", "INSTITUTIONAL");
    f.put("linesWithoutRevenueCode", 0);
    f.put("totalCharge", 120000.0);
    assertThat(edits(f)).as("H01 reviews from 150,000").isEmpty();
    f.put("facilityId", "H04");
    assertThat(edits(f)).as("network hospitals review from 75,000").containsExactly("W-HIGH-DOLLAR");
  }

  @Test
  void selfPayIsNotHeldForPayerRules() {
    Map<String, Object> f = clean();
    f.put("payerId", null);
    f.put("payerClass", "SELF_PAY");
    f.put("inpatient", true);
    f.put("daysLeftToFile", -30);
    assertThat(edits(f)).isEmpty();
  }

  @Test
  void medicareUnder65IsAWarningNotAHold() {
    Map<String, Object> f = clean();
    f.put("payerClass", "MEDICARE");
    f.put("payerId", "MCR");
    f.put("patientAge", 52);
    MatchedRule rule = evaluate(f).single();
    assertThat(rule.outputs().get("editCode")).isEqualTo("W-MCR-AGE");
    assertThat(rule.outputs().get("severity")).isEqualTo("WARNING");
  }

  @Test
  void severalEditsAreAllReported() {
    Map<String, Object> f = clean();
    f.put("diagnosisCount", 0);
    f.put("totalCharge", 0.0);
    f.put("daysLeftToFile", -3);
    assertThat(edits(f)).containsExactlyInAnyOrder("E-DX-MISSING", "E-ZERO-CHARGE", "E-TIMELY");
  }
}
