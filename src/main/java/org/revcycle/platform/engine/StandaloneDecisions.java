package org.revcycle.platform.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * The DMN files of decisions/ parsed by a DMN engine of their own, without a process engine or a
 * database: for tests and the benchmark, which need the same outcomes (rule ids, every decision of
 * a DRD) as {@link PolicyDecisions} gives in the application. Version 0: nothing is deployed.
 */
public final class StandaloneDecisions implements DecisionEvaluator {

  private final DmnEngine engine;
  private final Map<String, DmnDecision> decisions = new HashMap<>();
  private final ThreadLocal<DmnDecisionEvaluationEvent> last = new ThreadLocal<>();

  /** @param resources classpath resources such as "decisions/payer-edits.dmn" */
  public StandaloneDecisions(List<String> resources) {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setCustomPostDecisionEvaluationListeners(List.of(last::set));
    configuration.setFeelEngineFactory(new CachingFeelEngine.Factory());
    this.engine = configuration.buildEngine();
    for (String resource : resources) {
      try (InputStream in = StandaloneDecisions.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalArgumentException("No such resource: " + resource);
        }
        for (DmnDecision decision : engine.parseDecisions(in)) {
          decisions.put(decision.getKey(), decision);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public DmnEngine engine() {
    return engine;
  }

  public DmnDecision decision(String key) {
    DmnDecision decision = decisions.get(key);
    if (decision == null) {
      throw new IllegalArgumentException("No decision " + key);
    }
    return decision;
  }

  @Override
  public PolicyDecisions.Outcome evaluate(String decisionKey, Map<String, Object> inputs) {
    engine.evaluateDecision(decision(decisionKey), inputs);
    DmnDecisionEvaluationEvent event = last.get();
    last.remove();
    return PolicyDecisions.outcomeOf(event);
  }
}
