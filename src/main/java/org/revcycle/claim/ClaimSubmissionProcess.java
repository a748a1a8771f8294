package org.revcycle.claim;

/** Names in processes/claim-submission.bpmn and processes/claim-batch.bpmn that Java uses. */
public final class ClaimSubmissionProcess {

  /** The 999 answered the set that carried this claim (correlated by patient control number). */
  public static final String MESSAGE_FUNCTIONAL_ACKNOWLEDGMENT = "FunctionalAcknowledgmentReceived";
  /** The 277CA answered this claim (correlated by patient control number). */
  public static final String MESSAGE_CLAIM_ACKNOWLEDGMENT = "ClaimAcknowledgmentReceived";

  public static final String BATCH_PROCESS_KEY = "claim-batch";
  public static final String VAR_BATCH_ID = "batchId";

  private ClaimSubmissionProcess() {}
}
