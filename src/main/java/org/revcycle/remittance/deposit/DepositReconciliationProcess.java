package org.revcycle.remittance.deposit;

/** Names in processes/deposit-reconciliation.bpmn, in one place. */
public final class DepositReconciliationProcess {

  public static final String PROCESS_KEY = "deposit-reconciliation";
  public static final String MESSAGE_PAYMENT_MATCHED = "DepositPaymentMatched";
  public static final String VAR_DEPOSIT_ID = "depositId";
  public static final String VAR_RECONCILED = "depositReconciled";
  public static final String VAR_SUMMARY = "depositSummary";
  public static final String VAR_DECISION = "reconcileDecision";
  public static final String VAR_TRACE = "matchTraceNumber";
  public static final String VAR_NOTE = "reconcileNote";
  public static final String VAR_PROBLEM = "reconcileProblem";
  public static final String VAR_QUEUE = "depositQueue";
  public static final String VAR_DUE_DATE = "depositDueDate";
  public static final String VAR_PRIORITY = "depositPriority";

  private DepositReconciliationProcess() {}
}
