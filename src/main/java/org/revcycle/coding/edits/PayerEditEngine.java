package org.revcycle.coding.edits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.revcycle.platform.engine.DecisionEvaluator;
import org.revcycle.platform.engine.PolicyDecisions.MatchedRule;
import org.revcycle.platform.engine.PolicyDecisions.Outcome;

/**
 * The pre-submission edit engine: evaluates decisions/payer-edits.dmn (with the decisions it
 * requires: edit families, thresholds, coding completeness) once per claim, then runs the
 * reference-data edits of every family the DRD turned on. Holds no state of its own.
 */
public class PayerEditEngine {

  public static final String PAYER_EDITS = "payer-edits";
  public static final String EDIT_FAMILIES = "edit-families";

  private final DecisionEvaluator decisions;
  private final Supplier<ReferenceData> reference;

  public PayerEditEngine(DecisionEvaluator decisions, Supplier<ReferenceData> reference) {
    this.decisions = decisions;
    this.reference = reference;
  }

  /** Which rule of edit-families turned a family on. */
  public record FamilySource(String family, String decisionKey, int decisionVersion, String ruleId) {}

  /** Every edit that failed (DMN edits first, in table order, then reference-data edits), and what decided. */
  public record Run(List<EditResult> edits, Outcome outcome, Map<String, FamilySource> families) {

    public boolean passed() {
      return edits.stream().noneMatch(EditResult::holdsClaim);
    }
  }

  public Run evaluate(ClaimFacts claim) {
    Outcome outcome = decisions.evaluate(PAYER_EDITS, claim.decisionInputs());
    Map<String, FamilySource> families = new LinkedHashMap<>();
    List<EditResult> edits = new ArrayList<>();
    for (Outcome decision : outcome.all()) {
      for (MatchedRule rule : decision.matchedRules()) {
        Map<String, Object> out = rule.outputs();
        Object family = out.get("editFamilies");
        if (family != null) {
          families.putIfAbsent((String) family,
              new FamilySource((String) family, decision.decisionKey(), decision.decisionVersion(), rule.ruleId()));
        }
        Object code = out.get("editCode");
        if (code != null) {
          edits.add(new EditResult((String) code, (String) out.get("severity"), (String) out.get("exceptionType"),
              (String) out.get("message"), (String) out.get("suggestedFix"), null, null, decision.decisionKey(),
              decision.decisionVersion(), rule.ruleId(), null, null, null));
        }
      }
    }
    for (EditResult edit : ReferenceEdits.check(claim, families.keySet(), reference.get())) {
      FamilySource source = families.get(edit.family());
      edits.add(edit.withDecision(source.decisionKey(), source.decisionVersion(), source.ruleId()));
    }
    return new Run(edits, outcome, families);
  }
}
