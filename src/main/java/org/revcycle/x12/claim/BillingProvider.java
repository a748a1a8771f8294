package org.revcycle.x12.claim;

/**
 * Loop 2000A/2010AA: the billing provider (NM1*85 with its NPI, REF*EI tax id, PRV*BI taxonomy,
 * address and contact) and, optionally, the pay-to address (2010AB, NM1*87) when payments go elsewhere.
 */
public record BillingProvider(
    PartyName name,
    String npi,
    String taxId,
    String taxonomy,
    Address address,
    Contact contact,
    Address payToAddress) {}
