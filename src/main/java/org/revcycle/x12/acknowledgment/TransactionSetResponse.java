package org.revcycle.x12.acknowledgment;

import java.util.List;

/**
 * The receiver's verdict on one set it received (AK2 ... IK5/AK5): which set (ST01, ST02, the
 * guide in AK203), accepted or rejected and why, and each segment in error.
 */
public record TransactionSetResponse(
    String setId,
    String controlNumber,
    String guide,
    AcknowledgmentStatus status,
    CodedReason statusCode,
    List<CodedReason> reasons,
    List<SegmentError> segmentErrors) {

  public TransactionSetResponse {
    reasons = List.copyOf(reasons);
    segmentErrors = List.copyOf(segmentErrors);
  }
}
