package org.revcycle.platform.engine;

import java.util.Map;

/** Evaluates a DMN decision by key and says which rules of which decision versions decided. */
public interface DecisionEvaluator {

  PolicyDecisions.Outcome evaluate(String decisionKey, Map<String, Object> inputs);
}
