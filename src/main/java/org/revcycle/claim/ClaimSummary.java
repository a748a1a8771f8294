package org.revcycle.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One row of the claims list. */
public record ClaimSummary(
    UUID id, String patientControlNumber, ClaimStatus status, ClaimType claimType, String frequencyCode,
    String payerId, String facilityId, LocalDate serviceDate, BigDecimal totalCharge, String payerClaimNumber,
    int submissions, Instant createdAt, Instant updatedAt, Instant closedAt) {}
