package org.revcycle.encounter;

/** Names in processes/encounter-to-cash.bpmn and the variables its stages share. */
public final class EncounterToCashProcess {

  public static final String KEY = "encounter-to-cash";

  /** The claim's id (a UUID string); the business key is its patient control number. */
  public static final String VAR_CLAIM_ID = "claimId";
  public static final String VAR_SELF_PAY = "selfPay";
  /** ISO-8601 duration after which a silent payer is chased (276 status request). */
  public static final String VAR_PAYER_LATE_AFTER = "payerLateAfter";
  public static final String VAR_REMITTANCE_ID = "remittanceId";
  public static final String VAR_DENIED = "denied";
  public static final String VAR_PATIENT_OWES = "patientOwes";
  public static final String VAR_DENIAL_DECISION = "denialDecision";

  public static final String MESSAGE_REMITTANCE_RECEIVED = "RemittanceReceived";

  private EncounterToCashProcess() {}
}
