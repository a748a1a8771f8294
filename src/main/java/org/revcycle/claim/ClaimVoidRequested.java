package org.revcycle.claim;

import java.time.Instant;
import java.util.UUID;

/**
 * A void was requested for a claim, published in the requesting transaction: what other stages
 * still hold open for the claim (an open denial) is closed with it, or not at all.
 */
public record ClaimVoidRequested(UUID claimId, String patientControlNumber, String requestedBy, Instant at) {}
