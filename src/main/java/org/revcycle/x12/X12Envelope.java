package org.revcycle.x12;

import java.util.List;

/**
 * Envelope checks every set reader makes before it maps anything: the interchange is 5010 and the
 * set is the one (and the guide) the reader knows. A file that fails them is refused with the
 * segment and position, not mapped by guesswork.
 */
public final class X12Envelope {

  private X12Envelope() {}

  /** ISA12 must be 00501: 4010 files differ in ways a 5010 reader would misread silently. */
  public static void requireVersion5010(Segment isa) {
    if (!"00501".equals(isa.text(12))) {
      throw new X12Exception(List.of(new X12Problem("UNSUPPORTED_VERSION", isa.location(12),
          "interchange version " + isa.text(12) + " is not 00501 (X12 5010); revcycle reads 5010 only")));
    }
  }

  /** The ST just read must be {@code setId} with a guide that starts with {@code guidePrefix}. */
  public static void requireTransaction(Segment st, X12SegmentReader reader, String setId, String guidePrefix) {
    String guide = reader.guideVersion();
    if (!setId.equals(reader.transactionSetId()) || guide == null || !guide.startsWith(guidePrefix)) {
      throw new X12Exception(List.of(new X12Problem("UNEXPECTED_TRANSACTION_SET", st.location(1),
          "expected a " + setId + " (" + guidePrefix + ") but found a " + reader.transactionSetId() + " (" + guide + ")")));
    }
  }
}
