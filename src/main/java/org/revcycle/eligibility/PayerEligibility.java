package org.revcycle.eligibility;

/**
 * The payer's real-time eligibility service (X12 270 in, 271 out), reached directly or through a
 * clearinghouse. Implementation: the clearinghouse's real-time connection (CoreRealTimeClearinghouse).
 */
public interface PayerEligibility {

  /** Sends one 270 interchange for the payer and returns the payer's 271 interchange. Throws when unreachable. */
  byte[] inquire(String payerId, byte[] inquiry270);
}
