package org.revcycle.remittance;

/** Names in processes/remittance-posting.bpmn, in one place. */
public final class RemittancePostingProcess {

  public static final String PROCESS_KEY = "remittance-posting";
  public static final String VAR_FILE_ID = "fileId";
  public static final String VAR_FILE_BALANCED = "fileBalanced";
  public static final String VAR_PROBLEM_SUMMARY = "problemSummary";
  public static final String VAR_UNMATCHED = "unmatchedRemittances";
  public static final String VAR_HAS_UNMATCHED = "hasUnmatched";
  public static final String VAR_POSTING_SUMMARY = "postingSummary";
  /** per unmatched claim (local to its subprocess instance) */
  public static final String VAR_REMITTANCE_ID = "unmatchedRemittanceId";
  public static final String VAR_UNMATCHED_SUMMARY = "unmatchedSummary";
  public static final String VAR_RESOLUTION = "unmatchedResolution";
  public static final String VAR_APPLY_TO = "applyToPatientControlNumber";
  public static final String VAR_APPLY_PROBLEM = "applyProblem";
  public static final String VAR_RESOLVED = "unmatchedResolved";

  private RemittancePostingProcess() {}
}
