package org.revcycle.coding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.revcycle.coding.edits.EditResult;
import org.revcycle.encounter.EncounterToCashProcess;
import org.springframework.stereotype.Component;

/**
 * BPMN "Review charges against payer edits": passed, or the queue, priority and due date of the fix,
 * with the failed edits as a list the coding-edit form shows (claimEdits, a JSON variable) and as
 * text (editSummary).
 */
@Component("reviewChargesDelegate")
public class ReviewChargesDelegate implements JavaDelegate {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChargeReview chargeReview;

  public ReviewChargesDelegate(ChargeReview chargeReview) {
    this.chargeReview = chargeReview;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ChargeReview.Result result = chargeReview.review(UUID.fromString((String) execution.getVariable(EncounterToCashProcess.VAR_CLAIM_ID)));
    execution.setVariable(EncounterToCashProcess.VAR_EDITS_PASSED, result.passed());
    execution.setVariable(EncounterToCashProcess.VAR_EDIT_SUMMARY, result.summary());
    execution.setVariable(EncounterToCashProcess.VAR_CLAIM_EDITS, SpinValues.jsonValue(claimEdits(result)).create());
    if (!result.passed()) {
      execution.setVariable(EncounterToCashProcess.VAR_EDIT_QUEUE, result.route().queue());
      execution.setVariable(EncounterToCashProcess.VAR_EDIT_PRIORITY, result.route().priority());
      execution.setVariable(EncounterToCashProcess.VAR_EDIT_DUE_DATE, result.route().due());
    }
  }

  /** The failed edits, errors first: what the coding-edit form lists. */
  static String claimEdits(ChargeReview.Result result) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (boolean errors : new boolean[] {true, false}) {
      for (ChargeReview.RoutedEdit routed : result.edits()) {
        EditResult e = routed.edit();
        if (e.holdsClaim() != errors) {
          continue;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", e.code());
        m.put("severity", e.severity());
        m.put("message", e.message());
        m.put("suggestedFix", e.suggestedFix());
        m.put("queue", routed.route().queue());
        m.put("exceptionType", e.exceptionType());
        m.put("line", e.lineNumber());
        m.put("source", e.producedBy());
        list.add(m);
      }
    }
    try {
      return JSON.writeValueAsString(list);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
