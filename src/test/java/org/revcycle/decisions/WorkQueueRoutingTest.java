package org.revcycle.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** decisions/work-queue-routing.dmn: the rows that matter. */
class WorkQueueRoutingTest {

  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = WorkQueueRoutingTest.class.getResourceAsStream("/decisions/work-queue-routing.dmn")) {
      decision = engine.parseDecision("work-queue-routing", dmn);
    }
  }

  @ParameterizedTest(name = "{0} at {1} USD -> {2} (priority {3})")
  @CsvSource({
    "WRITE_OFF,       2500.00, finance,             70",
    "WRITE_OFF,        999.99, denial-analysts,     40",
    "CODING,         12000.00, coders,              90",
    "CODING,           150.00, coders,              50",
    "REGISTRATION,     150.00, billing-specialists, 60",
    "AUTHORIZATION,  50000.00, billing-specialists, 60",
    "CLAIM_REJECTION,   80.00, billing-specialists, 80",
    "DENIAL,           300.00, denial-analysts,     70",
    "DENIAL,         15000.00, denial-analysts,     85",
    "LATE_CLAIM,       300.00, billing-specialists, 75",
    "SOMETHING_NEW,    300.00, billing-specialists, 50",
  })
  void routesEachExceptionToItsQueue(String type, double charge, String queue, int priority) {
    DmnDecisionRuleResult result =
        engine.evaluateDecisionTable(decision, Map.of("exceptionType", type, "claimCharge", charge)).getSingleResult();
    assertThat((String) result.get("queue")).isEqualTo(queue);
    assertThat(((Number) result.get("priority")).intValue()).isEqualTo(priority);
    assertThat(((Number) result.get("dueInHours")).intValue()).isPositive();
  }
}
