package org.revcycle.x12;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants.Standards;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one interchange (ISA ... IEA) with StAEDI, validating every segment against the control
 * schema and the set's own schema as it goes. Control numbers come from {@link ControlNumbers};
 * SE, GE and IEA counts are computed, never supplied. {@link #close()} throws {@link X12Exception}
 * when anything written broke a schema rule, so callers write to a buffer and send only what closed
 * cleanly: revcycle never sends an interchange its own schema rejects.
 *
 * <p>Elements are given as values: a String (null or "" for an empty element), a BigDecimal
 * (written without trailing zeros), a LocalDate (CCYYMMDD), an Integer or Long, or a String[] for a
 * composite. Trailing empty elements are dropped, as the standard wants.
 */
public final class X12InterchangeWriter implements AutoCloseable {

  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
  private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");
  private static final Schema CONTROL_SCHEMA = controlSchema();

  private final EDIStreamWriter writer;
  private final ControlNumbers numbers;
  private final InterchangeParties parties;
  private final LocalDateTime now;
  private final List<X12Problem> problems = new ArrayList<>();
  private final String interchangeNumber;
  private String groupNumber;
  private String transactionNumber;
  private int groupCount;
  private int transactionsInGroup;
  private int segmentsInTransaction;
  private boolean closed;

  public X12InterchangeWriter(OutputStream out, InterchangeParties parties, ControlNumbers numbers, Clock clock) {
    this.numbers = numbers;
    this.parties = parties;
    this.now = LocalDateTime.now(clock);
    EDIOutputFactory factory = EDIOutputFactory.newFactory();
    factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
    factory.setErrorReporter(this::report);
    this.writer = factory.createEDIStreamWriter(out);
    this.writer.setControlSchema(CONTROL_SCHEMA);
    this.interchangeNumber = String.format("%09d", numbers.nextInterchange());
    try {
      writer.startInterchange();
      writeSegment("ISA", "00", "          ", "00", "          ",
          parties.senderQualifier(), pad(parties.senderId()), parties.receiverQualifier(), pad(parties.receiverId()),
          now.format(YYMMDD), now.format(HHMM), "^", "00501", interchangeNumber, "0",
          String.valueOf(parties.usage()), ":");
    } catch (EDIStreamException e) {
      throw failure(e);
    }
  }

  /** ISA13 of this interchange, for the caller to record what went out. */
  public String interchangeControlNumber() {
    return interchangeNumber;
  }

  /** GS: functional id (HC claims, HS eligibility, HR status) and the guide (005010X222A1). */
  public X12InterchangeWriter startGroup(String functionalId, String guideVersion) {
    groupNumber = String.valueOf(numbers.nextGroup());
    groupCount++;
    transactionsInGroup = 0;
    writeSegment("GS", functionalId, parties.applicationSender(), parties.applicationReceiver(),
        now.format(CCYYMMDD), now.format(HHMM), groupNumber, "X", guideVersion);
    return this;
  }

  /** ST with the set's schema switched on for everything up to SE. Returns the ST02 written. */
  public String startTransaction(String setId, String guideVersion, Schema schema) {
    transactionNumber = String.format("%04d", numbers.nextTransaction() % 1_000_000_000L);
    transactionsInGroup++;
    segmentsInTransaction = 1;
    try {
      writer.writeStartSegment("ST");
      writer.writeElement(setId).writeElement(transactionNumber).writeElement(guideVersion);
      writer.setTransactionSchema(schema);
      writer.writeEndSegment();
    } catch (EDIStreamException e) {
      throw failure(e);
    }
    return transactionNumber;
  }

  /** One segment inside the current set. */
  public X12InterchangeWriter segment(String tag, Object... elements) {
    segmentsInTransaction++;
    writeSegment(tag, elements);
    return this;
  }

  public X12InterchangeWriter endTransaction() {
    segmentsInTransaction++;
    writeSegment("SE", segmentsInTransaction, transactionNumber);
    transactionNumber = null;
    return this;
  }

  public X12InterchangeWriter endGroup() {
    writeSegment("GE", transactionsInGroup, groupNumber);
    groupNumber = null;
    return this;
  }

  /** Writes IEA and flushes; throws {@link X12Exception} with every schema problem met on the way. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      writeSegment("IEA", groupCount, interchangeNumber);
      writer.endInterchange();
      writer.flush();
    } catch (EDIStreamException e) {
      throw failure(e);
    }
    if (!problems.isEmpty()) {
      throw new X12Exception(problems);
    }
  }

  private void writeSegment(String tag, Object... elements) {
    try {
      writer.writeStartSegment(tag);
      int last = elements.length;
      while (last > 0 && isEmpty(elements[last - 1])) {
        last--;
      }
      for (int i = 0; i < last; i++) {
        Object value = elements[i];
        if (value instanceof String[] components) {
          writeComposite(components);
        } else if (isEmpty(value)) {
          writer.writeEmptyElement();
        } else {
          writer.writeElement(format(value));
        }
      }
      writer.writeEndSegment();
    } catch (EDIStreamException e) {
      throw failure(e);
    }
  }

  private void writeComposite(String[] components) throws EDIStreamException {
    int last = components.length;
    while (last > 0 && (components[last - 1] == null || components[last - 1].isEmpty())) {
      last--;
    }
    if (last == 0) {
      writer.writeEmptyElement();
      return;
    }
    writer.writeStartElement();
    for (int i = 0; i < last; i++) {
      if (components[i] == null || components[i].isEmpty()) {
        writer.writeEmptyComponent();
      } else {
        writer.writeComponent(components[i]);
      }
    }
    writer.endElement();
  }

  private static boolean isEmpty(Object value) {
    return value == null || (value instanceof String text && text.isEmpty())
        || (value instanceof String[] components && java.util.Arrays.stream(components).allMatch(c -> c == null || c.isEmpty()));
  }

  private static String format(Object value) {
    if (value instanceof BigDecimal amount) {
      return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }
    if (value instanceof LocalDate date) {
      return date.format(CCYYMMDD);
    }
    return value.toString();
  }

  private static String pad(String id) {
    return String.format("%-15s", id);
  }

  private void report(EDIStreamValidationError error, EDIStreamWriter source, Location location, CharSequence data,
      io.xlate.edi.schema.EDIReference reference) {
    String tag = location.getSegmentTag();
    X12Location where = new X12Location(location.getSegmentPosition(), tag,
        Math.max(location.getElementPosition(), 0), Math.max(location.getComponentPosition(), 0), 0);
    boolean showValue = reference != null && reference.getReferencedType() instanceof io.xlate.edi.schema.EDISimpleType simple
        && simple.getBase() != io.xlate.edi.schema.EDISimpleType.Base.STRING
        && simple.getBase() != io.xlate.edi.schema.EDISimpleType.Base.DATE;
    problems.add(new X12Problem(error.name(), where,
        X12Messages.describe(error, tag, showValue && data != null ? data.toString() : null)));
  }

  private X12Exception failure(EDIStreamException e) {
    Location location = writer.getLocation();
    X12Location where = location == null ? new X12Location(0, null, 0, 0, 0)
        : new X12Location(location.getSegmentPosition(), location.getSegmentTag(), Math.max(location.getElementPosition(), 0), 0, 0);
    List<X12Problem> all = new ArrayList<>(problems);
    all.add(new X12Problem("WRITE", where, String.valueOf(e.getMessage())));
    return new X12Exception(all, e);
  }

  private static Schema controlSchema() {
    try {
      return SchemaFactory.newFactory().getControlSchema(Standards.X12, new String[] {"00501"});
    } catch (EDISchemaException e) {
      throw new IllegalStateException("StAEDI has no X12 00501 control schema", e);
    }
  }
}
