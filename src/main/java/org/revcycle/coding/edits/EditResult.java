package org.revcycle.coding.edits;

/**
 * One failed edit on a claim: what is wrong in words a coder understands, how to fix it, and what
 * produced it. A DMN edit names its decision key, version and rule; an edit against reference data
 * names the table, the row (its line in the loaded file) and the version (the file it came from),
 * and, as decision, the edit-families rule that made the family apply.
 *
 * @param lineNumber the claim line it is about, null for the whole claim
 */
public record EditResult(
    String code, String severity, String exceptionType, String message, String suggestedFix, Integer lineNumber,
    String family, String decisionKey, int decisionVersion, String ruleId, String referenceTable, Long referenceRow,
    String referenceVersion) {

  public static final String ERROR = "ERROR";
  public static final String WARNING = "WARNING";

  public boolean holdsClaim() {
    return ERROR.equals(severity);
  }

  /** "ncci_ptp_edit row 14 of ccipra-v313r0-f1", or the decision and rule. */
  public String producedBy() {
    if (referenceTable != null) {
      return referenceTable + " row " + referenceRow + " of " + referenceVersion;
    }
    return decisionKey + " v" + decisionVersion + " " + ruleId;
  }

  EditResult withDecision(String key, int version, String rule) {
    return new EditResult(code, severity, exceptionType, message, suggestedFix, lineNumber, family, key, version, rule,
        referenceTable, referenceRow, referenceVersion);
  }
}
