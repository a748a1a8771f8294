package org.revcycle.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.revcycle.platform.engine.PolicyDecisions.MatchedRule;
import org.revcycle.platform.engine.PolicyDecisions.Outcome;
import org.revcycle.platform.engine.StandaloneDecisions;

/** decisions/work-queue-routing.dmn: the queue per edit (network standard, overrides) and its service level. */
class WorkQueueRoutingTest {

  private static StandaloneDecisions decisions;

  @BeforeAll
  static void parse() {
    decisions = new StandaloneDecisions(List.of("decisions/work-queue-routing.dmn"));
  }

  private static Outcome route(String type, double charge, String editCode, String facility, String facilityType,
      String specialty) {
    Map<String, Object> in = new HashMap<>();
    in.put("exceptionType", type);
    in.put("claimCharge", charge);
    in.put("editCode", editCode);
    in.put("facilityId", facility);
    in.put("facilityType", facilityType);
    in.put("specialty", specialty);
    return decisions.evaluate("work-queue-routing", in);
  }

  @ParameterizedTest(name = "{0} at {1} USD -> {2} (priority {3})")
  @CsvSource({
    "WRITE_OFF,       2500.00, finance,             70",
    "WRITE_OFF,        999.99, denial-analysts,     40",
    "ADJUSTMENT,      1000.00, finance,             70",
    "ADJUSTMENT,       999.99, billing-specialists, 50",
    "CODING,         12000.00, coders,              90",
    "CODING,           150.00, coders,              50",
    "REGISTRATION,     150.00, billing-specialists, 60",
    "AUTHORIZATION,  50000.00, billing-specialists, 60",
    "TIMELY_FILING,    150.00, billing-specialists, 85",
    "CLAIM_REJECTION,   80.00, billing-specialists, 80",
    "DENIAL,           300.00, denial-analysts,     70",
    "DENIAL,         15000.00, denial-analysts,     85",
    "LATE_CLAIM,       300.00, billing-specialists, 75",
    "SOMETHING_NEW,    300.00, billing-specialists, 50",
  })
  void routesEachExceptionToItsQueue(String type, double charge, String queue, int priority) {
    MatchedRule result = route(type, charge, null, null, null, null).single();
    assertThat((String) result.outputs().get("queue")).isEqualTo(queue);
    assertThat(((Number) result.outputs().get("priority")).intValue()).isEqualTo(priority);
    assertThat(((Number) result.outputs().get("dueInHours")).intValue()).isPositive();
  }

  @ParameterizedTest(name = "{0} {1} at {2} ({3}, {4}) -> {5} by {6}, priority {7}, due in {8} h")
  @CsvSource({
    "CODING, E-NCCI-PTP, H03, HOSPITAL, Orthopaedic Surgery, surgical-coders, Rule_QueueSurgicalCoding, 50, 48",
    "CODING, E-MUE,      H02, HOSPITAL, Gastroenterology,    surgical-coders, Rule_QueueSurgicalCoding, 50, 48",
    "CODING, E-NCCI-PTP, H06, HOSPITAL, Orthopaedic Surgery, coders,          Rule_QueueH06SurgicalCoding, 50, 48",
    "CODING, E-NCCI-PTP, H03, HOSPITAL, Emergency Medicine,  coders,          Rule_QueueCoding, 50, 48",
    "CODING, E-MODIFIER, C12, CLINIC,   Family Medicine,     coders,          Rule_QueueCoding, 50, 48",
    "CODING, E-NCCI-PTP, H01, HOSPITAL, Orthopaedic Surgery, surgical-coders, Rule_QueueSurgicalCoding, 60, 24",
    "CODING, E-MUE,      H01, HOSPITAL, Emergency Medicine,  coders,          Rule_QueueCoding, 60, 24",
    "AUTHORIZATION, E-AUTH-MISSING, H01, HOSPITAL, Orthopaedic Surgery, billing-specialists, Rule_QueueAuthorization, 60, 24",
  })
  void facilityAndSpecialtyRulesWinOverTheNetworkStandard(String type, String edit, String facility, String facilityType,
      String specialty, String queue, String queueRule, int priority, int dueInHours) {
    Outcome outcome = route(type, 800.00, edit, facility, facilityType, specialty);
    MatchedRule sla = outcome.single();
    assertThat(sla.outputs().get("queue")).isEqualTo(queue);
    assertThat(outcome.decision("edit-queue").orElseThrow().single().ruleId()).isEqualTo(queueRule);
    assertThat(((Number) sla.outputs().get("priority")).intValue()).isEqualTo(priority);
    assertThat(((Number) sla.outputs().get("dueInHours")).intValue()).isEqualTo(dueInHours);
  }
}
