package org.revcycle.x12.acknowledgment;

import java.time.LocalDate;
import java.util.List;

/**
 * What one 277CA set answers: the batch it acknowledges (BHT03 reference, the receiver's trace in
 * 2200B), who answers (2000A information source: payer or clearinghouse) and to whom (2000B), when
 * it was received and processed, and the claims.
 */
public record ClaimAcknowledgmentBatch(
    String referenceId,
    LocalDate receivedOn,
    LocalDate processedOn,
    String sourceName,
    String sourceId,
    String receiverName,
    String receiverId,
    String batchTraceNumber,
    List<AcknowledgedClaim> claims) {

  public ClaimAcknowledgmentBatch {
    claims = List.copyOf(claims);
  }
}
