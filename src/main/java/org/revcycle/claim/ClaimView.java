package org.revcycle.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A claim as GET /api/claims/{id} shows it: where it stands, how it got there, what is owed. */
public record ClaimView(
    ClaimSummary claim, List<String> diagnoses, List<Line> lines, List<Event> stages, List<Decision> decisions,
    ClaimAmounts amounts) {

  public record Line(int lineNumber, String procedureCode, String modifiers, String revenueCode, BigDecimal units,
      BigDecimal charge, LocalDate serviceDate) {}

  /** One step of the lifecycle: which stage, what came of it, who acted, when. */
  public record Event(String stage, String outcome, String detail, String actor, Instant at) {}

  /** An automated decision: which DMN decision (key, version) and which rule decided. */
  public record Decision(String decisionKey, int decisionVersion, String ruleId, String outcome, Instant decidedAt) {}
}
