package org.revcycle.platform.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Evaluates the DMN decisions in decisions/ (the latest deployed version) and says which version
 * and which rules decided, so every automated decision can be traced to its row. A decision with
 * decision requirements (a DRD) is evaluated whole; the outcome names the rules of each decision
 * in it, each with its own key and version.
 */
@Component
public class PolicyDecisions extends AbstractCamundaConfiguration implements DecisionEvaluator {

  private static final ThreadLocal<List<DmnDecisionEvaluationEvent>> EVALUATIONS = new ThreadLocal<>();

  private final DecisionService decisionService;

  public PolicyDecisions(@Lazy DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  /** One matched rule and the outputs it gave. */
  public record MatchedRule(String ruleId, Map<String, Object> outputs) {}

  /**
   * What a decision decided: its key and deployed version, the rules that matched, and the
   * outcomes of the decisions it requires (in evaluation order).
   */
  public record Outcome(String decisionKey, int decisionVersion, List<MatchedRule> matchedRules, List<Outcome> required) {

    public Outcome(String decisionKey, int decisionVersion, List<MatchedRule> matchedRules) {
      this(decisionKey, decisionVersion, matchedRules, List.of());
    }

    public MatchedRule single() {
      if (matchedRules.size() != 1) {
        throw new IllegalStateException(
            "Decision " + decisionKey + " v" + decisionVersion + " matched " + matchedRules.size() + " rules, expected one");
      }
      return matchedRules.get(0);
    }

    /** This decision or one it requires, by key. */
    public Optional<Outcome> decision(String key) {
      if (decisionKey.equals(key)) {
        return Optional.of(this);
      }
      return required.stream().filter(o -> o.decisionKey().equals(key)).findFirst();
    }

    /** The required decisions' outcomes first, then this one's: every decision of the DRD. */
    public List<Outcome> all() {
      List<Outcome> all = new ArrayList<>(required);
      all.add(new Outcome(decisionKey, decisionVersion, matchedRules, List.of()));
      return all;
    }
  }

  @Override
  public Outcome evaluate(String decisionKey, Map<String, Object> inputs) {
    List<DmnDecisionEvaluationEvent> events = new ArrayList<>();
    EVALUATIONS.set(events);
    try {
      decisionService.evaluateDecisionByKey(decisionKey).variables(inputs).evaluate();
    } finally {
      EVALUATIONS.remove();
    }
    return outcomeOf(events.get(events.size() - 1));
  }

  /** The outcome of one evaluation event: the decision and every decision it required. */
  public static Outcome outcomeOf(DmnDecisionEvaluationEvent event) {
    List<Outcome> required = new ArrayList<>();
    for (DmnDecisionLogicEvaluationEvent requiredEvent : event.getRequiredDecisionResults()) {
      required.add(logicOutcome(requiredEvent, List.of()));
    }
    return logicOutcome(event.getDecisionResult(), required);
  }

  private static Outcome logicOutcome(DmnDecisionLogicEvaluationEvent logic, List<Outcome> required) {
    DmnDecision decision = logic.getDecision();
    int version = decision instanceof DecisionDefinitionEntity definition ? definition.getVersion() : 0;
    List<MatchedRule> rules = new ArrayList<>();
    if (logic instanceof DmnDecisionTableEvaluationEvent table) {
      for (DmnEvaluatedDecisionRule rule : table.getMatchingRules()) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (DmnEvaluatedOutput output : rule.getOutputEntries().values()) {
          outputs.put(output.getOutputName(), output.getValue().getValue());
        }
        rules.add(new MatchedRule(rule.getId(), outputs));
      }
    }
    return new Outcome(decision.getKey(), version, rules, required);
  }

  /** Registers the listener that hands each evaluation to the thread that asked for it. */
  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    register(configuration);
  }

  /** The same for an engine built without Spring (the benchmark's). */
  public static void register(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    dmn.setFeelEngineFactory(new CachingFeelEngine.Factory());
    List<DmnDecisionEvaluationListener> listeners = new ArrayList<>(dmn.getCustomPostDecisionEvaluationListeners());
    listeners.add(PolicyDecisions::capture);
    dmn.setCustomPostDecisionEvaluationListeners(listeners);
  }

  static void capture(DmnDecisionEvaluationEvent event) {
    List<DmnDecisionEvaluationEvent> events = EVALUATIONS.get();
    if (events != null) {
      events.add(event);
    }
  }
}
