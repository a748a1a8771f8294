package org.revcycle.x12;

import io.xlate.edi.schema.EDIReference;
import io.xlate.edi.schema.EDISimpleType;
import io.xlate.edi.schema.EDIType;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams an X12 file as {@link Segment}s, envelopes included, validating each transaction set
 * against its schema as it goes. Separators come from the ISA; several interchanges, groups and
 * sets in one file are fine. Memory does not grow with the file: one segment is held at a time.
 *
 * <p>Validation problems are collected, not thrown, so a reader can finish a set and report all of
 * them at once; syntax that cannot be read at all (not X12, truncated, broken envelope) throws
 * {@link X12Exception} naming where.
 */
public final class X12SegmentReader implements AutoCloseable {

  private static final EDIInputFactory FACTORY = EDIInputFactory.newFactory();

  private final EDIStreamReader reader;
  private final boolean schemaValidation;
  private final List<X12Problem> problems = new ArrayList<>();
  private Segment peeked;
  private String transactionSetId;
  private String guideVersion;
  private boolean ended;

  private X12SegmentReader(EDIStreamReader reader, boolean schemaValidation) {
    this.reader = reader;
    this.schemaValidation = schemaValidation;
  }

  public static X12SegmentReader open(InputStream in) {
    return open(in, true);
  }

  /**
   * @param schemaValidation false only to read again a file that was validated before: the
   *     segments are the same, without the cost of checking every element against the schema
   *     (most of the time of a read), and no schema problems are found
   */
  public static X12SegmentReader open(InputStream in, boolean schemaValidation) {
    return new X12SegmentReader(FACTORY.createEDIStreamReader(skipByteOrderMark(in)), schemaValidation);
  }

  /** Files saved by Windows tools often start with a UTF-8 byte order mark, which StAEDI rejects. */
  private static InputStream skipByteOrderMark(InputStream in) {
    PushbackInputStream pushback = new PushbackInputStream(in, 3);
    try {
      byte[] head = new byte[3];
      int read = pushback.readNBytes(head, 0, 3);
      boolean bom = read == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
      if (!bom && read > 0) {
        pushback.unread(head, 0, read);
      }
      return pushback;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next segment, or null at the end of the stream. */
  public Segment next() {
    if (peeked != null) {
      Segment segment = peeked;
      peeked = null;
      return segment;
    }
    return read();
  }

  /** The segment {@link #next()} will return, without taking it. */
  public Segment peek() {
    if (peeked == null) {
      peeked = read();
    }
    return peeked;
  }

  /** The next segment, which must be {@code tag}; anything else is a problem naming both. */
  public Segment expect(String tag) {
    Segment segment = next();
    if (segment == null || !segment.is(tag)) {
      X12Location where = segment == null ? lastLocation() : segment.location();
      throw new X12Exception(List.of(new X12Problem("UNEXPECTED_SEGMENT", where,
          "expected " + tag + " but found " + (segment == null ? "the end of the file" : segment.tag()))));
    }
    return segment;
  }

  /**
   * Hands every remaining segment to the handler. A value the handler cannot map (an {@link
   * X12Exception}) is rethrown with the schema problems found before it, so the caller sees both.
   */
  public void forEachSegment(java.util.function.Consumer<Segment> handler) {
    Segment segment;
    while ((segment = next()) != null) {
      try {
        handler.accept(segment);
      } catch (X12Exception e) {
        List<X12Problem> all = new ArrayList<>(problems);
        all.addAll(e.problems());
        throw new X12Exception(all, e);
      }
    }
  }

  /** Validation problems found so far, in stream order. */
  public List<X12Problem> problems() {
    return problems;
  }

  /** ST01 of the set being read, null outside a set. */
  public String transactionSetId() {
    return transactionSetId;
  }

  /** ST03 (else GS08) of the set being read: the implementation guide, such as 005010X221A1. */
  public String guideVersion() {
    return guideVersion;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Segment read() {
    if (ended) {
      return null;
    }
    String tag = null;
    X12Location location = null;
    List<String[]> elements = null;
    List<List<String[]>> repetitions = null;
    try {
      while (reader.hasNext()) {
        EDIStreamEvent event = reader.next();
        switch (event) {
          case END_TRANSACTION -> transactionSetId = null;
          case START_SEGMENT -> {
            tag = reader.getText();
            location = locationOf(reader.getLocation(), tag, false);
            elements = new ArrayList<>(8);
            repetitions = new ArrayList<>(0);
          }
          case ELEMENT_DATA -> addElement(elements, repetitions);
          case END_SEGMENT -> {
            if ("ST".equals(tag)) {
              // the set id and guide are known once ST is read, and StAEDI takes the schema until the next segment
              startTransaction();
            }
            return new Segment(tag, location, elements, repetitions);
          }
          case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> problems.add(problem(event));
          default -> {
            // interchange, group and loop boundaries: the segments themselves say enough
          }
        }
      }
    } catch (EDIStreamException e) {
      throw new X12Exception(List.of(new X12Problem("SYNTAX", lastLocation(), syntaxMessage(e))), e);
    } catch (RuntimeException e) {
      if (e instanceof X12Exception) {
        throw e;
      }
      // StAEDI signals some malformed input with unchecked exceptions; name the place all the same
      throw new X12Exception(List.of(new X12Problem("SYNTAX", lastLocation(), String.valueOf(e.getMessage()))), e);
    }
    ended = true;
    if (tag != null) {
      throw new X12Exception(List.of(new X12Problem("TRUNCATED", location, "the file ends inside segment " + tag)));
    }
    return null;
  }

  private void startTransaction() {
    transactionSetId = reader.getTransactionType();
    // StAEDI gives [GS07 agency, ST03 or else GS08]; the guide is the last part (005010X221A1)
    String[] version = reader.getTransactionVersion();
    guideVersion = version == null || version.length == 0 ? null : version[version.length - 1];
    X12Schemas.forTransaction(transactionSetId, guideVersion).ifPresentOrElse(schema -> {
      if (schemaValidation) {
        reader.setTransactionSchema(schema);
      }
    }, () ->
        problems.add(new X12Problem("UNSUPPORTED_TRANSACTION_SET", locationOf(reader.getLocation(), "ST", false),
            "transaction set " + transactionSetId + " (" + guideVersion + ") is not one revcycle reads")));
  }

  private void addElement(List<String[]> elements, List<List<String[]>> repetitions) {
    Location where = reader.getLocation();
    int position = where.getElementPosition();
    int component = Math.max(where.getComponentPosition(), 1);
    int occurrence = Math.max(where.getElementOccurrence(), 1);
    String text = reader.getText();
    while (elements.size() < position) {
      elements.add(null);
    }
    if (occurrence == 1) {
      elements.set(position - 1, put(elements.get(position - 1), component, text));
      return;
    }
    while (repetitions.size() < position) {
      repetitions.add(null);
    }
    List<String[]> repeats = repetitions.get(position - 1);
    if (repeats == null) {
      repeats = new ArrayList<>(2);
      repetitions.set(position - 1, repeats);
    }
    int index = occurrence - 2;
    while (repeats.size() <= index) {
      repeats.add(null);
    }
    repeats.set(index, put(repeats.get(index), component, text));
  }

  private static String[] put(String[] components, int component, String text) {
    String[] result = components;
    if (result == null) {
      result = new String[component];
    } else if (result.length < component) {
      result = java.util.Arrays.copyOf(result, component);
    }
    result[component - 1] = text;
    return result;
  }

  private X12Problem problem(EDIStreamEvent event) {
    EDIStreamValidationError error = reader.getErrorType();
    Location where = reader.getLocation();
    boolean elementLevel = event != EDIStreamEvent.SEGMENT_ERROR;
    String tag = elementLevel ? where.getSegmentTag() : reader.getText();
    X12Location location = locationOf(where, tag, elementLevel);
    return new X12Problem(error.name(), location, X12Messages.describe(error, tag, shownValue(event)));
  }

  /** The offending value, but only where it is a code or a number: names and ids stay out of messages. */
  private String shownValue(EDIStreamEvent event) {
    if (event != EDIStreamEvent.ELEMENT_DATA_ERROR || !reader.hasText()) {
      return null;
    }
    EDIReference reference = reader.getSchemaTypeReference();
    EDIType type = reference == null ? null : reference.getReferencedType();
    // codes and amounts are shown; text and dates (names, ids, birth dates) never are
    if (type instanceof EDISimpleType simple && simple.getBase() != EDISimpleType.Base.STRING
        && simple.getBase() != EDISimpleType.Base.DATE) {
      return reader.getText();
    }
    return null;
  }

  private X12Location lastLocation() {
    Location where = reader.getLocation();
    return where == null ? new X12Location(0, null, 0, 0, 0) : locationOf(where, where.getSegmentTag(), true);
  }

  private static X12Location locationOf(Location where, String tag, boolean elementLevel) {
    return new X12Location(where.getSegmentPosition(), tag,
        elementLevel ? Math.max(where.getElementPosition(), 0) : 0,
        elementLevel ? Math.max(where.getComponentPosition(), 0) : 0,
        where.getLineNumber());
  }

  private static String syntaxMessage(EDIStreamException e) {
    String message = e.getMessage() == null ? "unreadable X12" : e.getMessage();
    // StAEDI appends its own location text; ours is in the problem's location already
    int at = message.indexOf(" in segment ");
    return at > 0 ? message.substring(0, at) : message;
  }
}
