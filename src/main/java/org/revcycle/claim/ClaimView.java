package org.revcycle.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A claim as GET /api/claims/{id} shows it: where it stands, how it got there, what is owed. */
public record ClaimView(
    ClaimSummary claim, List<String> diagnoses, List<Line> lines, List<Event> stages, List<Decision> decisions,
    List<Edit> edits, ClaimAmounts amounts) {

  public record Line(int lineNumber, String procedureCode, String modifiers, String revenueCode, BigDecimal units,
      BigDecimal charge, LocalDate serviceDate) {}

  /** One step of the lifecycle: which stage, what came of it, who acted, when. */
  public record Event(String stage, String outcome, String detail, String actor, Instant at) {}

  /**
   * A payer edit the claim failed: what is wrong and how to fix it, the queue that works it, and what
   * produced it (the DMN decision, version and rule; for reference-data edits also the table, its
   * row and version). Resolved edits are those a later review no longer found open.
   */
  public record Edit(String code, String severity, String exceptionType, String message, String suggestedFix,
      Integer lineNumber, String queue, Integer priority, String decisionKey, Integer decisionVersion, String ruleId,
      String referenceTable, Long referenceRow, String referenceVersion, Instant createdAt, Instant resolvedAt) {}

  /** An automated decision: which DMN decision (key, version) and which rule decided. */
  public record Decision(String decisionKey, int decisionVersion, String ruleId, String outcome, Instant decidedAt) {}
}
