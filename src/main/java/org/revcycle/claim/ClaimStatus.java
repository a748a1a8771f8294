package org.revcycle.claim;

/** Where a claim stands in encounter to cash. */
public enum ClaimStatus {
  RECEIVED,
  REGISTRATION_HOLD,
  CODING_HOLD,
  READY,
  SUBMITTED,
  REJECTED,
  ACCEPTED,
  DENIED,
  PAID,
  PATIENT_BILLED,
  WRITTEN_OFF,
  SELF_PAY,
  CLOSED,
  /** A void (frequency 8) is on its way to the payer, or waits for the payer's reversal. */
  VOIDING,
  /** Billed in error: the payer reversed it and its charge is reversed on the ledger. */
  VOIDED
}
