package org.revcycle.remittance;

import java.util.UUID;

/** An 835 file's payment is on the ledger (its posting has committed). */
public record RemittanceFilePosted(UUID fileId) {}
