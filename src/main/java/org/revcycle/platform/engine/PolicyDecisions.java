package org.revcycle.platform.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Evaluates the DMN decision tables in decisions/ (the latest deployed version) and says which
 * version and which rules decided, so every automated decision can be traced to its row.
 */
@Component
public class PolicyDecisions extends AbstractCamundaConfiguration {

  private static final ThreadLocal<List<DmnDecisionEvaluationEvent>> EVALUATIONS = new ThreadLocal<>();

  private final DecisionService decisionService;

  public PolicyDecisions(@Lazy DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  /** One matched rule and the outputs it gave. */
  public record MatchedRule(String ruleId, Map<String, Object> outputs) {}

  /** What a decision table decided: its key and deployed version, and the rules that matched. */
  public record Outcome(String decisionKey, int decisionVersion, List<MatchedRule> matchedRules) {

    public MatchedRule single() {
      if (matchedRules.size() != 1) {
        throw new IllegalStateException(
            "Decision " + decisionKey + " v" + decisionVersion + " matched " + matchedRules.size() + " rules, expected one");
      }
      return matchedRules.get(0);
    }
  }

  public Outcome evaluate(String decisionKey, Map<String, Object> inputs) {
    List<DmnDecisionEvaluationEvent> events = new ArrayList<>();
    EVALUATIONS.set(events);
    try {
      decisionService.evaluateDecisionTableByKey(decisionKey).variables(inputs).evaluate();
    } finally {
      EVALUATIONS.remove();
    }
    DmnDecisionEvaluationEvent event = events.get(events.size() - 1);
    DmnDecision decision = event.getDecisionResult().getDecision();
    int version = decision instanceof DecisionDefinitionEntity definition ? definition.getVersion() : 0;
    List<MatchedRule> rules = new ArrayList<>();
    if (event.getDecisionResult() instanceof DmnDecisionTableEvaluationEvent table) {
      for (DmnEvaluatedDecisionRule rule : table.getMatchingRules()) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (DmnEvaluatedOutput output : rule.getOutputEntries().values()) {
          outputs.put(output.getOutputName(), output.getValue().getValue());
        }
        rules.add(new MatchedRule(rule.getId(), outputs));
      }
    }
    return new Outcome(decision.getKey(), version, rules);
  }

  /** Registers the listener that hands each evaluation to the thread that asked for it. */
  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    List<DmnDecisionEvaluationListener> listeners = new ArrayList<>(dmn.getCustomPostDecisionEvaluationListeners());
    listeners.add(PolicyDecisions::capture);
    dmn.setCustomPostDecisionEvaluationListeners(listeners);
  }

  private static void capture(DmnDecisionEvaluationEvent event) {
    List<DmnDecisionEvaluationEvent> events = EVALUATIONS.get();
    if (events != null) {
      events.add(event);
    }
  }
}
