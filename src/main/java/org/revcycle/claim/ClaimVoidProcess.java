package org.revcycle.claim;

/** Names in processes/claim-void.bpmn that Java uses. */
public final class ClaimVoidProcess {

  public static final String KEY = "claim-void";
  /** Set by "Record void": the payer's reversal is posted and the claim is voided. */
  public static final String VAR_VOID_REVERSED = "voidReversed";

  private ClaimVoidProcess() {}
}
