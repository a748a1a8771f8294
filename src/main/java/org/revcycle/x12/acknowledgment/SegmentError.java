package org.revcycle.x12.acknowledgment;

import java.util.List;

/**
 * A segment in error (999 IK3, 997 AK3): the segment id, its position counted from ST (ST is 1),
 * the guide's loop id, the error (absent when only its elements are wrong), the context the
 * receiver gave (999 CTX, such as the claim's CLM01) and the elements in error.
 */
public record SegmentError(
    String segmentId,
    int position,
    String loopId,
    CodedReason error,
    List<String> context,
    List<ElementError> elementErrors) {

  public SegmentError {
    context = List.copyOf(context);
    elementErrors = List.copyOf(elementErrors);
  }

  /** "segment CLM at position 22 in loop 2300: Segment Has Data Element Errors". */
  public String describe() {
    return "segment " + segmentId + " at position " + position + (loopId == null ? "" : " in loop " + loopId)
        + (error == null ? "" : ": " + error.description());
  }
}
