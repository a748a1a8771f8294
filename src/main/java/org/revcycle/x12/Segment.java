package org.revcycle.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One segment as read: its tag, its elements (each a list of components; a simple element has
 * one), repetitions where an element repeats, and where it was in the stream. Positions are
 * 1-based, as in the implementation guides: {@code clp.text(4)} is CLP04.
 */
public final class Segment {

  private static final String[] ABSENT = new String[0];
  private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

  private final String tag;
  private final X12Location location;
  private final List<String[]> elements;
  private final List<List<String[]>> repetitions;

  Segment(String tag, X12Location location, List<String[]> elements, List<List<String[]>> repetitions) {
    this.tag = tag;
    this.location = location;
    this.elements = elements;
    this.repetitions = repetitions;
  }

  public String tag() {
    return tag;
  }

  public boolean is(String segmentTag) {
    return tag.equals(segmentTag);
  }

  /** True when this segment is {@code segmentTag} and its first element is one of the codes. */
  public boolean is(String segmentTag, String... firstElementCodes) {
    if (!tag.equals(segmentTag)) {
      return false;
    }
    String first = text(1);
    for (String code : firstElementCodes) {
      if (code.equals(first)) {
        return true;
      }
    }
    return false;
  }

  public X12Location location() {
    return location;
  }

  public X12Location location(int element) {
    return new X12Location(location.segmentPosition(), tag, element, 0, location.line());
  }

  /** How many element positions the segment carries (trailing empty ones are not sent). */
  public int size() {
    return elements.size();
  }

  /** The element's value (its first component for a composite), or "" when absent. */
  public String text(int element) {
    return text(element, 1);
  }

  public String text(int element, int component) {
    String[] components = components(element);
    return component <= components.length && components[component - 1] != null ? components[component - 1] : "";
  }

  /** The element's value, or null when absent or empty. */
  public String optional(int element) {
    String value = text(element);
    return value.isEmpty() ? null : value;
  }

  public String optional(int element, int component) {
    String value = text(element, component);
    return value.isEmpty() ? null : value;
  }

  public boolean has(int element) {
    return !text(element).isEmpty() || components(element).length > 1;
  }

  public String[] components(int element) {
    return element >= 1 && element <= elements.size() && elements.get(element - 1) != null
        ? elements.get(element - 1) : ABSENT;
  }

  /** Every occurrence of a repeating element (EB03, HI in some guides), the first included. */
  public List<String[]> occurrences(int element) {
    List<String[]> all = new ArrayList<>();
    if (components(element).length > 0) {
      all.add(components(element));
    }
    if (element <= repetitions.size() && repetitions.get(element - 1) != null) {
      all.addAll(repetitions.get(element - 1));
    }
    return all;
  }

  /** An amount or quantity (X12 type R); null when absent. Malformed numbers are the schema's to catch. */
  public BigDecimal decimal(int element) {
    return decimal(element, 1);
  }

  public BigDecimal decimal(int element, int component) {
    String value = text(element, component);
    if (value.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new X12Exception(List.of(new X12Problem("INVALID_NUMBER", location(element),
          "'" + value + "' is not a number")));
    }
  }

  /** An amount that the guide requires; absent counts as zero only where the caller says so. */
  public BigDecimal decimalOrZero(int element) {
    BigDecimal value = decimal(element);
    return value == null ? BigDecimal.ZERO : value;
  }

  /** A CCYYMMDD date (X12 type DT); null when absent. */
  public LocalDate date(int element) {
    String value = text(element);
    if (value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value, CCYYMMDD);
    } catch (DateTimeParseException e) {
      // the value is not shown: a date may be a birth date, which stays out of messages and logs
      throw new X12Exception(List.of(new X12Problem("INVALID_DATE", location(element), "the value is not a CCYYMMDD date")));
    }
  }

  @Override
  public String toString() {
    // Tag and position only: segments carry patient data, which stays out of logs.
    return tag + "#" + location.segmentPosition();
  }
}
