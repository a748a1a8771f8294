package org.revcycle.x12.acknowledgment;

import java.util.ArrayList;
import java.util.List;
import org.revcycle.x12.X12Codes;
import org.revcycle.x12.X12InterchangeWriter;
import org.revcycle.x12.X12Schemas;

/**
 * Writes 999 Implementation Acknowledgments (005010X231A1) into an open interchange: one GS*FA group,
 * one set per acknowledged functional group, each set's response with its segments (IK3, CTX) and
 * elements (IK4) in error. Validated against the 999 schema as it goes; the interchange's
 * {@code close()} throws when anything written broke it. Read back by {@link FunctionalAcknowledgmentReader}.
 */
public final class FunctionalAcknowledgmentWriter {

  static final String GUIDE = "005010X231A1";

  private FunctionalAcknowledgmentWriter() {}

  /** Writes GS, one ST..SE per acknowledgment, GE; returns the ST02 of each set, in order. */
  public static List<String> writeGroup(X12InterchangeWriter out, List<FunctionalAcknowledgment> acknowledgments) {
    out.startGroup("FA", GUIDE);
    List<String> controlNumbers = acknowledgments.stream().map(a -> write(out, a)).toList();
    out.endGroup();
    return controlNumbers;
  }

  private static String write(X12InterchangeWriter out, FunctionalAcknowledgment ack) {
    String controlNumber = out.startTransaction("999", GUIDE, X12Schemas.named("999"));
    out.segment("AK1", ack.functionalId(), ack.groupControlNumber(), ack.groupGuide());
    for (TransactionSetResponse set : ack.sets()) {
      out.segment("AK2", set.setId(), set.controlNumber(), set.guide());
      for (SegmentError error : set.segmentErrors()) {
        out.segment("IK3", error.segmentId(), error.position(), error.loopId(), code(error.error()));
        for (String context : error.context()) {
          businessUnit(out, context);
        }
        for (ElementError element : error.elementErrors()) {
          out.segment("IK4", new String[] {String.valueOf(element.elementPosition()), text(element.componentPosition()),
              text(element.repetitionPosition())}, element.dataElementReference(), code(element.error()),
              element.badValue());
        }
      }
      List<Object> ik5 = new ArrayList<>();
      ik5.add(statusCode(set.status(), set.statusCode()));
      set.reasons().stream().limit(5).forEach(r -> ik5.add(r.code()));
      out.segment("IK5", ik5.toArray());
    }
    List<Object> ak9 = new ArrayList<>(List.of(statusCode(ack.groupStatus(), ack.groupStatusCode()),
        ack.setsIncluded(), ack.setsReceived(), ack.setsAccepted()));
    ack.groupErrors().stream().limit(5).forEach(r -> ak9.add(r.code()));
    out.segment("AK9", ak9.toArray());
    out.endTransaction();
    return controlNumber;
  }

  /** The business unit that names what is in error ("CLM01: 123"), as CTX*CLM01:123. */
  private static void businessUnit(X12InterchangeWriter out, String context) {
    int colon = context.indexOf(": ");
    if (colon > 0 && context.indexOf(' ') > colon) {
      out.segment("CTX", (Object) new String[] {context.substring(0, colon), context.substring(colon + 2)});
    } else if (colon < 0 && !context.contains(" ")) {
      out.segment("CTX", (Object) new String[] {context});
    }
    // other context (situational triggers) is descriptive only: not written back
  }

  private static String statusCode(AcknowledgmentStatus status, CodedReason given) {
    if (given != null) {
      return given.code();
    }
    return switch (status) {
      case ACCEPTED -> "A";
      case ACCEPTED_WITH_ERRORS -> "E";
      case PARTIALLY_ACCEPTED -> "P";
      case REJECTED -> "R";
    };
  }

  private static String code(CodedReason reason) {
    return reason == null ? null : reason.code();
  }

  private static String text(Integer value) {
    return value == null ? null : value.toString();
  }

  /** A code of the 999 with its meaning from the guide's code list (E620 segment error, E621 element error ...). */
  public static CodedReason reason(String elementType, String code) {
    return new CodedReason(code, X12Codes.describe("999", elementType, code));
  }
}
