package org.revcycle.x12;

/**
 * Where something sits in an X12 stream, as a person fixing the file needs it.
 *
 * @param segmentPosition 1-based count of segments from the start of the stream
 * @param segmentTag the segment id (CLP, SV1, ...), null before the first segment
 * @param elementPosition 1-based element position in the segment, or 0 for the whole segment
 * @param componentPosition 1-based component position, or 0 when the element is simple
 * @param line 1-based line of the file, useful when segments end in a line break
 */
public record X12Location(int segmentPosition, String segmentTag, int elementPosition, int componentPosition, int line) {

  /** "segment CLP (#23, line 23) element CLP04": elements named the way the guides name them. */
  public String describe() {
    if (segmentTag == null) {
      return "line " + line;
    }
    StringBuilder text = new StringBuilder("segment ").append(segmentTag).append(" (#").append(segmentPosition);
    if (line > 0) {
      text.append(", line ").append(line);
    }
    text.append(')');
    if (elementPosition > 0) {
      text.append(" element ").append(segmentTag).append(String.format("%02d", elementPosition));
      if (componentPosition > 0) {
        text.append('-').append(componentPosition);
      }
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
