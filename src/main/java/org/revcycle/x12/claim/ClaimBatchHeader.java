package org.revcycle.x12.claim;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What one 837 transaction set says about itself: its guide (professional or institutional), BHT
 * (reference id, creation date and time, CH chargeable or RP reporting/encounter), and the
 * submitter (1000A) and receiver (1000B).
 */
public record ClaimBatchHeader(
    ClaimType type,
    String referenceId,
    LocalDate createdOn,
    LocalTime createdAt,
    String transactionType,
    Submitter submitter,
    Receiver receiver) {}
