package org.revcycle.claim.adjustment;

/** Names in processes/manual-adjustment.bpmn and the variables it reads and sets. */
public final class ManualAdjustmentProcess {

  public static final String KEY = "manual-adjustment";

  public static final String VAR_CLAIM_ID = "claimId";
  /** The adjustment's id (a UUID string): the journal entry's idempotency key is made from it. */
  public static final String VAR_ADJUSTMENT_ID = "adjustmentId";
  /** A decimal string, USD, positive: what comes off the claim's insurance receivable. */
  public static final String VAR_AMOUNT = "adjustmentAmount";
  /** An AdjustmentReason name, and its label with the account for the form. */
  public static final String VAR_REASON = "adjustmentReason";
  public static final String VAR_REASON_LABEL = "adjustmentReasonLabel";
  public static final String VAR_NOTE = "adjustmentNote";
  /** Who asked: the self-approval guard refuses them as approver. */
  public static final String VAR_REQUESTED_BY = "adjustmentRequestedBy";
  public static final String VAR_QUEUE = "adjustmentQueue";
  public static final String VAR_PRIORITY = "adjustmentPriority";
  public static final String VAR_DUE_DATE = "adjustmentDueDate";
  /** Set on Approve adjustment: APPROVE or REJECT, with the approver's note. */
  public static final String VAR_APPROVAL = "adjustmentApproval";
  public static final String VAR_APPROVAL_NOTE = "approvalNote";
  public static final String VAR_APPROVED_BY = "adjustmentApprovedBy";

  private ManualAdjustmentProcess() {}
}
