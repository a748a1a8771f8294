package org.revcycle.x12.acknowledgment;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.revcycle.x12.Segment;
import org.revcycle.x12.X12Codes;
import org.revcycle.x12.X12Envelope;
import org.revcycle.x12.X12Exception;
import org.revcycle.x12.X12Location;
import org.revcycle.x12.X12Problem;
import org.revcycle.x12.X12SegmentReader;

/**
 * Reads 999 Implementation Acknowledgments (005010X231A1) and 997 Functional Acknowledgments
 * (005010X230) into {@link FunctionalAcknowledgment}s. The two differ in segment names (IK3/IK4/IK5
 * against AK3/AK4/AK5), the 999's context segments and its implementation error codes.
 */
public final class FunctionalAcknowledgmentReader {

  private final List<FunctionalAcknowledgment> acknowledgments = new ArrayList<>();
  private final List<X12Problem> problems = new ArrayList<>();
  private String schema;
  private Segment ak1;
  private List<TransactionSetResponse> sets;
  private Segment ak2;
  private List<SegmentError> segmentErrors;
  private SegmentErrorBuilder segmentError;

  private FunctionalAcknowledgmentReader() {}

  public static FunctionalAcknowledgmentReport read(InputStream in) {
    return new FunctionalAcknowledgmentReader().readAll(in);
  }

  private FunctionalAcknowledgmentReport readAll(InputStream in) {
    try (X12SegmentReader reader = X12SegmentReader.open(in)) {
      reader.forEachSegment(segment -> accept(segment, reader));
      problems.addAll(0, reader.problems());
    }
    return new FunctionalAcknowledgmentReport(acknowledgments, problems);
  }

  private void accept(Segment segment, X12SegmentReader reader) {
    switch (segment.tag()) {
      case "ISA" -> X12Envelope.requireVersion5010(segment);
      case "ST" -> {
        schema = reader.transactionSetId();
        if (!"999".equals(schema) && !"997".equals(schema)) {
          X12Envelope.requireTransaction(segment, reader, "999", "005010X231");
        }
        ak1 = null;
        sets = new ArrayList<>();
      }
      case "AK1" -> ak1 = segment;
      case "AK2" -> {
        ak2 = segment;
        segmentErrors = new ArrayList<>();
      }
      case "IK3", "AK3" -> {
        finishSegmentError();
        segmentError = new SegmentErrorBuilder(segment,
            reason(segment.tag().equals("IK3") ? "E620" : "E720", segment.optional(4)));
      }
      case "CTX" -> {
        if (segmentError != null) {
          segmentError.context.add(context(segment));
        }
      }
      case "IK4", "AK4" -> {
        if (segmentError != null) {
          segmentError.elements.add(elementError(segment));
        }
      }
      case "IK5", "AK5" -> finishSet(segment);
      case "AK9" -> finishGroup(segment);
      default -> {
        // envelopes: the reader has validated them already
      }
    }
  }

  private ElementError elementError(Segment ik4) {
    return new ElementError(integer(ik4, 1, 1) == null ? 0 : integer(ik4, 1, 1), integer(ik4, 1, 2), integer(ik4, 1, 3),
        ik4.optional(2), reason(ik4.tag().equals("IK4") ? "E621" : "E723", ik4.text(3)), ik4.optional(4));
  }

  private static String context(Segment ctx) {
    // CTX*CLM01:123456789 (business unit) or CTX*SITUATIONAL TRIGGER*CLM*43**5:3 (the segment that made a rule apply)
    String name = ctx.text(1, 1);
    String reference = ctx.text(1, 2);
    if (!ctx.has(2)) {
      return reference.isEmpty() ? name : name + ": " + reference;
    }
    return name.toLowerCase() + ": segment " + ctx.text(2) + " at position " + ctx.text(3)
        + (ctx.has(5) ? " element " + ctx.text(5, 1) : "");
  }

  private void finishSegmentError() {
    if (segmentError != null && segmentErrors != null) {
      segmentErrors.add(segmentError.build());
    }
    segmentError = null;
  }

  private void finishSet(Segment ik5) {
    finishSegmentError();
    if (ak2 == null) {
      return; // the schema reports the missing AK2
    }
    List<CodedReason> reasons = new ArrayList<>();
    for (int element = 2; element <= 6; element++) {
      if (ik5.has(element)) {
        reasons.add(reason("E718", ik5.text(element)));
      }
    }
    sets.add(new TransactionSetResponse(ak2.text(1), ak2.text(2), ak2.optional(3), AcknowledgmentStatus.of(ik5.text(1)),
        reason("E717", ik5.text(1)), reasons, segmentErrors));
    ak2 = null;
    segmentErrors = null;
  }

  private void finishGroup(Segment ak9) {
    List<CodedReason> errors = new ArrayList<>();
    for (int element = 5; element <= 9; element++) {
      if (ak9.has(element)) {
        errors.add(reason("E716", ak9.text(element)));
      }
    }
    acknowledgments.add(new FunctionalAcknowledgment(schema,
        ak1 == null ? null : ak1.text(1), ak1 == null ? null : ak1.text(2), ak1 == null ? null : ak1.optional(3),
        AcknowledgmentStatus.of(ak9.text(1)), reason("E715", ak9.text(1)),
        count(ak9, 2), count(ak9, 3), count(ak9, 4), errors, sets));
    sets = new ArrayList<>();
  }

  private CodedReason reason(String elementType, String code) {
    return code == null || code.isEmpty() ? null : new CodedReason(code, X12Codes.describe(schema, elementType, code));
  }

  private static int count(Segment segment, int element) {
    Integer value = integer(segment, element, 1);
    return value == null ? 0 : value;
  }

  private static Integer integer(Segment segment, int element, int component) {
    String text = segment.text(element, component);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      X12Location where = segment.location(element);
      throw new X12Exception(List.of(new X12Problem("INVALID_NUMBER", where, "'" + text + "' is not a whole number")));
    }
  }

  private static final class SegmentErrorBuilder {
    final Segment ik3;
    final CodedReason error;
    final List<String> context = new ArrayList<>();
    final List<ElementError> elements = new ArrayList<>();

    SegmentErrorBuilder(Segment ik3, CodedReason error) {
      this.ik3 = ik3;
      this.error = error;
    }

    SegmentError build() {
      return new SegmentError(ik3.text(1), count(ik3, 2), ik3.optional(3), error, context, elements);
    }
  }
}
