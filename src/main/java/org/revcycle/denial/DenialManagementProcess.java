package org.revcycle.denial;

/**
 * Names in processes/denial-management.bpmn and the variables it reads and sets: one place, so a
 * typo is a compile error. (It also uses the claim and denial variables of EncounterToCashProcess.)
 */
public final class DenialManagementProcess {

  public static final String KEY = "denial-management";

  /** The denial row this instance works (a UUID string). */
  public static final String VAR_DENIAL_ID = "denialId";
  /** RESUBMIT, APPEAL_WON or WRITTEN_OFF: set by the end events, read by encounter-to-cash. */
  public static final String VAR_DENIAL_OUTCOME = "denialOutcome";
  /** The root cause (a RootCause name) and how it was found (TABLE, MODEL, ANALYST). */
  public static final String VAR_ROOT_CAUSE = "rootCause";
  public static final String VAR_ROOT_CAUSE_LABEL = "rootCauseLabel";
  public static final String VAR_CLASSIFIED_BY = "classifiedBy";
  /** For the form: how the root cause was found, with the model's confidence and the features that weighed most. */
  public static final String VAR_CLASSIFICATION = "classification";
  public static final String VAR_NEEDS_TRIAGE = "needsTriage";
  public static final String VAR_SUGGESTED_ACTION = "suggestedAction";
  /** For the form: P(recovery), expected recovery and the appeal deadline. */
  public static final String VAR_RECOVERY_OUTLOOK = "recoveryOutlook";
  public static final String VAR_TRIAGE_QUEUE = "triageQueue";
  public static final String VAR_TRIAGE_PRIORITY = "triagePriority";
  public static final String VAR_TRIAGE_DUE_DATE = "triageDueDate";
  /** Set on Triage denial: the root cause the analyst names (a RootCause name). */
  public static final String VAR_TRIAGED_ROOT_CAUSE = "triagedRootCause";
  public static final String VAR_TRIAGED_BY = "triagedBy";
  public static final String VAR_TRIAGE_NOTE = "triageNote";
  public static final String VAR_APPEAL_QUEUE = "appealQueue";
  public static final String VAR_APPEAL_PRIORITY = "appealPriority";
  public static final String VAR_APPEAL_DUE_DATE = "appealDueDate";
  /** The payer's appeal deadline (a Date): the boundary timer escalates the appeal then. */
  public static final String VAR_APPEAL_DEADLINE = "appealDeadline";
  /** The generated appeal letter, and where to download it. */
  public static final String VAR_APPEAL_LETTER = "appealLetter";
  public static final String VAR_APPEAL_LETTER_LINK = "appealLetterLink";
  /** Set on Record appeal decision: WON or LOST, and what the payer will pay (a decimal string). */
  public static final String VAR_APPEAL_OUTCOME = "appealOutcome";
  public static final String VAR_RECOVERED_AMOUNT = "recoveredAmount";
  public static final String VAR_APPEAL_NOTE = "appealNote";
  public static final String VAR_APPEAL_DECIDED_BY = "appealDecidedBy";

  /** processes/payer-letter-triage.bpmn: a payer letter that matches no denial, for a person to file. */
  public static final String LETTER_TRIAGE_KEY = "payer-letter-triage";
  public static final String VAR_LETTER_ID = "letterId";
  /** For the form: what was read from the letter. */
  public static final String VAR_LETTER_SUMMARY = "letterSummary";
  public static final String VAR_LETTER_QUEUE = "letterQueue";
  public static final String VAR_LETTER_PRIORITY = "letterPriority";
  public static final String VAR_LETTER_DUE_DATE = "letterDueDate";
  /** Set on Triage payer letter: the claim (patient control number) whose denial the letter belongs to, if any. */
  public static final String VAR_ATTACH_TO_PCN = "attachToPatientControlNumber";
  public static final String VAR_LETTER_NOTE = "letterNote";
  public static final String VAR_LETTER_TRIAGED_BY = "letterTriagedBy";

  private DenialManagementProcess() {}
}
