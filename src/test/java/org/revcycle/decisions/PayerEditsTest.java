package org.revcycle.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** decisions/payer-edits.dmn: a clean claim passes; each edit fires on the facts it is about. */
class PayerEditsTest {

  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = PayerEditsTest.class.getResourceAsStream("/decisions/payer-edits.dmn")) {
      decision = engine.parseDecision("payer-edits", dmn);
    }
  }

  private static Map<String, Object> clean() {
    Map<String, Object> facts = new HashMap<>();
    facts.put("claimType", "PROFESSIONAL");
    facts.put("payerClass", "COMMERCIAL");
    facts.put("diagnosisCount", 2);
    facts.put("linesWithoutProcedureCode", 0);
    facts.put("linesWithoutRevenueCode", 2);
    facts.put("procedureNeedsAuthorization", false);
    facts.put("inpatient", false);
    facts.put("hasPriorAuthorization", false);
    facts.put("daysLeftToFile", 170);
    facts.put("totalCharge", 249.50);
    facts.put("patientAge", 45);
    return facts;
  }

  private static List<Object> edits(Map<String, Object> facts) {
    return engine.evaluateDecisionTable(decision, facts).collectEntries("editCode");
  }

  @Test
  void cleanProfessionalClaimPassesEveryEdit() {
    assertThat(edits(clean())).isEmpty();
  }

  @Test
  void eachEditFiresOnItsFacts() {
    Map<String, Object> f = clean();
    f.put("diagnosisCount", 0);
    assertThat(edits(f)).containsExactly("E-DX-MISSING");

    f = clean();
    f.put("linesWithoutProcedureCode", 1);
    assertThat(edits(f)).containsExactly("E-CPT-MISSING");

    f = clean();
    f.put("claimType", "INSTITUTIONAL");
    assertThat(edits(f)).containsExactly("E-REV-MISSING");

    f = clean();
    f.put("procedureNeedsAuthorization", true);
    assertThat(edits(f)).containsExactly("E-AUTH-MISSING");
    f.put("hasPriorAuthorization", true);
    assertThat(edits(f)).isEmpty();

    f = clean();
    f.put("inpatient", true);
    assertThat(edits(f)).containsExactly("E-AUTH-INPATIENT");
    f.put("payerClass", "MEDICARE");
    f.put("patientAge", 70);
    assertThat(edits(f)).as("Medicare does not authorize admissions in advance").isEmpty();

    f = clean();
    f.put("daysLeftToFile", -1);
    assertThat(edits(f)).containsExactly("E-TIMELY");

    f = clean();
    f.put("totalCharge", 0.0);
    assertThat(edits(f)).containsExactly("E-ZERO-CHARGE");
  }

  @Test
  void selfPayIsNotHeldForPayerRules() {
    Map<String, Object> f = clean();
    f.put("payerClass", "SELF_PAY");
    f.put("procedureNeedsAuthorization", true);
    f.put("daysLeftToFile", -30);
    assertThat(edits(f)).isEmpty();
  }

  @Test
  void medicareUnder65IsAWarningNotAHold() {
    Map<String, Object> f = clean();
    f.put("payerClass", "MEDICARE");
    f.put("patientAge", 52);
    var result = engine.evaluateDecisionTable(decision, f);
    assertThat(result.collectEntries("editCode")).containsExactly("W-MCR-AGE");
    assertThat(result.collectEntries("severity")).containsExactly("WARNING");
  }

  @Test
  void severalEditsAreAllReportedInTableOrder() {
    Map<String, Object> f = clean();
    f.put("diagnosisCount", 0);
    f.put("procedureNeedsAuthorization", true);
    f.put("totalCharge", 0.0);
    assertThat(edits(f)).containsExactly("E-DX-MISSING", "E-AUTH-MISSING", "E-ZERO-CHARGE");
  }
}
