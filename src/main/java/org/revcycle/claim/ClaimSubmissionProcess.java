package org.revcycle.claim;

/** Names in processes/claim-submission.bpmn, claim-batch.bpmn and (status polling) adjudication.bpmn that Java uses. */
public final class ClaimSubmissionProcess {

  /** The 999 answered the set that carried this claim (correlated by patient control number). */
  public static final String MESSAGE_FUNCTIONAL_ACKNOWLEDGMENT = "FunctionalAcknowledgmentReceived";
  /** The 277CA answered this claim (correlated by patient control number). */
  public static final String MESSAGE_CLAIM_ACKNOWLEDGMENT = "ClaimAcknowledgmentReceived";

  /** adjudication.bpmn: a person follows up now (timely filing limit near, or the payer does not know the claim). */
  public static final String VAR_ESCALATE_LATE_CLAIM = "escalateLateClaim";
  /** adjudication.bpmn: ISO-8601 duration until the next 276 while the claim is pending. */
  public static final String VAR_STATUS_POLL_INTERVAL = "statusPollInterval";

  public static final String BATCH_PROCESS_KEY = "claim-batch";
  public static final String VAR_BATCH_ID = "batchId";

  private ClaimSubmissionProcess() {}
}
