package org.revcycle.remittance;

import java.util.UUID;

/**
 * An 835 denying a claim (CLP02 4) was recorded and matched, published in the posting's
 * transaction: a denial already open for the claim from its claim status (277 F2) takes it over
 * (denial/), so one denial is worked once.
 */
public record ClaimDenialRemitted(UUID claimId, UUID remittanceId) {}
