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
  CLOSED
}
