package org.revcycle.encounter;

/**
 * Names in processes/encounter-to-cash.bpmn and the stage processes it calls, and the variables
 * they share: one place, so that a typo is a compile error. (registration-check keeps its own in
 * RegistrationCheckProcess.)
 */
public final class EncounterToCashProcess {

  public static final String KEY = "encounter-to-cash";
  public static final String MESSAGE_REMITTANCE_RECEIVED = "RemittanceReceived";

  /** The claim's id (a UUID string); the business key is its patient control number. */
  public static final String VAR_CLAIM_ID = "claimId";
  public static final String VAR_SELF_PAY = "selfPay";
  /** ISO-8601 duration after which a silent payer is chased (276 status request). */
  public static final String VAR_PAYER_LATE_AFTER = "payerLateAfter";
  public static final String VAR_CLAIM_ACCEPTED = "claimAccepted";
  public static final String VAR_CLAIM_STATUS = "claimStatus";
  public static final String VAR_CLAIM_STATUS_FINAL = "claimStatusFinal";
  public static final String VAR_CLAIM_STATUS_REPORT = "claimStatusReport";
  public static final String VAR_CLAIM_STATUS_DENIED = "claimStatusDenied";
  public static final String VAR_DENIAL_DECIDED_BY = "denialDecidedBy";
  /** Set by the Review denial form: RESUBMIT or WRITE_OFF. */
  public static final String VAR_DENIAL_DECISION = "denialDecision";
  public static final String VAR_DENIAL_NOTE = "denialNote";
  public static final String VAR_DENIAL_SUMMARY = "denialSummary";
  /** The denial's reason codes in plain words with the suggested action (one line each). */
  public static final String VAR_DENIAL_EXPLANATION = "denialExplanation";
  public static final String VAR_DENIED = "denied";
  /** Where Review denial goes, from decisions/work-queue-routing.dmn (set by posting). */
  public static final String VAR_DENIAL_QUEUE = "denialQueue";
  public static final String VAR_DENIAL_PRIORITY = "denialPriority";
  public static final String VAR_DENIAL_DUE_DATE = "denialDueDate";
  /** Where Follow up late claim goes, from decisions/work-queue-routing.dmn (set by the status request). */
  public static final String VAR_LATE_CLAIM_QUEUE = "lateClaimQueue";
  public static final String VAR_LATE_CLAIM_PRIORITY = "lateClaimPriority";
  public static final String VAR_LATE_CLAIM_DUE_DATE = "lateClaimDueDate";
  /**
   * The failed edits of the last charge review, a JSON list (errors first) for the coding-edit form:
   * each {code, severity, message, suggestedFix, queue, exceptionType, line, source}.
   */
  public static final String VAR_CLAIM_EDITS = "claimEdits";
  public static final String VAR_EDIT_DUE_DATE = "editDueDate";
  public static final String VAR_EDIT_PRIORITY = "editPriority";
  public static final String VAR_EDIT_QUEUE = "editQueue";
  public static final String VAR_EDIT_SUMMARY = "editSummary";
  public static final String VAR_EDITS_PASSED = "editsPassed";
  /** Filled on the claim-edit form: ICD-10-CM codes to add, comma separated. */
  public static final String VAR_CORRECTED_DIAGNOSIS_CODES = "diagnosisCodes";
  /** Filled on the claim-edit form: the payer's prior authorization number. */
  public static final String VAR_CORRECTED_PRIOR_AUTHORIZATION = "priorAuthorizationNumber";
  /** Who completed Resolve claim edit (set by its complete listener). */
  public static final String VAR_EDIT_RESOLVED_BY = "editResolvedBy";
  public static final String VAR_PATIENT_OWES = "patientOwes";
  public static final String VAR_REJECTION_REASONS = "rejectionReasons";
  public static final String VAR_REMITTANCE_ID = "remittanceId";
  public static final String VAR_REMITTANCE_RECEIVED = "remittanceReceived";
  public static final String VAR_WRITE_OFF_AMOUNT = "writeOffAmount";
  public static final String VAR_WRITE_OFF_APPROVAL_NEEDED = "writeOffApprovalNeeded";
  public static final String VAR_WRITE_OFF_APPROVED_BY = "writeOffApprovedBy";
  public static final String VAR_WRITE_OFF_DUE_DATE = "writeOffDueDate";
  public static final String VAR_WRITE_OFF_PRIORITY = "writeOffPriority";
  public static final String VAR_WRITE_OFF_QUEUE = "writeOffQueue";

  private EncounterToCashProcess() {}
}
