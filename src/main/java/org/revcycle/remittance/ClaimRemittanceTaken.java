package org.revcycle.remittance;

import java.util.UUID;

/**
 * The claim's own process took a payer's decision (posting.bpmn), published in its transaction:
 * what the payer paid after a denial was worked (a replacement claim, a won appeal) is recorded on
 * that denial (denial/).
 *
 * @param denied the decision denies the claim as a whole
 */
public record ClaimRemittanceTaken(UUID claimId, UUID remittanceId, boolean denied) {}
