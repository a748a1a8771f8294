package org.revcycle.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.revcycle.coding.edits.ClaimFacts;
import org.revcycle.coding.edits.EditClaims;
import org.revcycle.encounter.ClosedEncounter;
import org.revcycle.sandbox.SandboxNetwork;
import org.revcycle.sandbox.SyntheticEncounters;

/** The FEEL engine that parses once decides exactly as Camunda's stock FEEL engine does. */
class CachingFeelEngineTest {

  @Test
  void sameOutcomesAsTheStockEngineOnSandboxClaims() throws Exception {
    DmnEngine stock = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    StandaloneDecisions caching = new StandaloneDecisions(List.of("decisions/payer-edits.dmn"));
    SandboxNetwork network = new SandboxNetwork();
    Clock clock = Clock.fixed(Instant.parse("2026-02-02T12:00:00Z"), ZoneOffset.UTC);
    SyntheticEncounters ehr = new SyntheticEncounters(network, 3, clock, 0.1, 0.1);
    DmnDecision payerEdits;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("decisions/payer-edits.dmn")) {
      payerEdits = stock.parseDecision("payer-edits", in);
    }
    int compared = 0;
    for (ClosedEncounter e : ehr.next(150)) {
      ClaimFacts claim = EditClaims.of(e, network, LocalDate.now(clock).plusDays(compared % 200));
      Map<String, Object> inputs = claim.decisionInputs();
      List<Map<String, Object>> expected = plain(stock.evaluateDecision(payerEdits, inputs));
      List<Map<String, Object>> actual =
          plain(caching.engine().evaluateDecision(caching.decision("payer-edits"), inputs));
      assertThat(actual).isEqualTo(expected);
      compared++;
    }
    assertThat(compared).isEqualTo(150);
  }

  private static List<Map<String, Object>> plain(DmnDecisionResult result) {
    List<Map<String, Object>> list = new ArrayList<>();
    result.getResultList().forEach(m -> list.add(new HashMap<>(m)));
    return list;
  }

  @Test
  void aBadExpressionFailsAsInTheStockEngine() {
    CachingFeelEngine feel = new CachingFeelEngine(List.of());
    VariableContext context = Variables.createVariables().putValue("x", 3).asVariableContext();
    assertThat((Object) feel.evaluateSimpleExpression("x + 1", context)).isEqualTo(4L);
    assertThat(feel.evaluateSimpleUnaryTests("> 2", "x", context)).isTrue();
    assertThat(feel.evaluateSimpleUnaryTests("> 2", "x", context)).as("from the cache").isTrue();
    assertThatThrownBy(() -> feel.evaluateSimpleExpression("x +", context)).isInstanceOf(FeelException.class);
  }
}
