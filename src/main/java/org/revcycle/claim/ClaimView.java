package org.revcycle.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A claim as GET /api/claims/{id} shows it: where it stands, how it got there, what is owed.
 *
 * @param amounts the whole claim's money from the ledger
 * @param claimLevelAmounts the part posted to no claim line: decisions at claim level (an 835 CLP
 *     without SVC, claim-level CAS, an SVC no line fits), write-offs, and charges of claims taken in
 *     before charges were posted per line; the lines' amounts and these add up to {@code amounts}.
 *     Null, like each line's amounts, while no payer decision on the claim came line by line.
 */
public record ClaimView(
    ClaimSummary claim, List<String> diagnoses, List<Line> lines, List<Event> stages, List<Decision> decisions,
    List<Edit> edits, ClaimAmounts amounts, ClaimAmounts claimLevelAmounts) {

  public ClaimView(ClaimSummary claim, List<String> diagnoses, List<Line> lines, List<Event> stages,
      List<Decision> decisions, List<Edit> edits, ClaimAmounts amounts) {
    this(claim, diagnoses, lines, stages, decisions, edits, amounts, null);
  }

  /**
   * @param amounts what the ledger holds for this line: its charge, what payers paid and adjusted on
   *     it (835 SVC by SVC), the patient's share, and what is still open with the payers
   */
  public record Line(int lineNumber, String procedureCode, String modifiers, String revenueCode, BigDecimal units,
      BigDecimal charge, LocalDate serviceDate, ClaimAmounts amounts) {

    public Line(int lineNumber, String procedureCode, String modifiers, String revenueCode, BigDecimal units,
        BigDecimal charge, LocalDate serviceDate) {
      this(lineNumber, procedureCode, modifiers, revenueCode, units, charge, serviceDate, null);
    }

    public Line withAmounts(ClaimAmounts lineAmounts) {
      return new Line(lineNumber, procedureCode, modifiers, revenueCode, units, charge, serviceDate, lineAmounts);
    }
  }

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
