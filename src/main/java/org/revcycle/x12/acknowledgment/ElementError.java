package org.revcycle.x12.acknowledgment;

/**
 * An element in error (999 IK4, 997 AK4): its position in the segment (with component and
 * repetition where given), the data element number, the error code and its meaning, and the copy
 * of the bad value the receiver sent back (which may be patient data: never logged).
 */
public record ElementError(
    int elementPosition,
    Integer componentPosition,
    Integer repetitionPosition,
    String dataElementReference,
    CodedReason error,
    String badValue) {

  @Override
  public String toString() {
    // the bad value may be a name or a member id: leave it out of anything that gets logged
    return "element " + elementPosition + (componentPosition == null ? "" : "-" + componentPosition)
        + (dataElementReference == null ? "" : " (data element " + dataElementReference + ")")
        + ": " + error.description() + " [" + error.code() + "]";
  }
}
