package org.revcycle.x12;

import io.xlate.edi.stream.EDIStreamValidationError;

/** Plain words for StAEDI's validation errors, for the person who has to fix the file. */
final class X12Messages {

  private X12Messages() {}

  static String describe(EDIStreamValidationError error, String tag, String value) {
    String shown = value == null ? "" : " '" + value + "'";
    return switch (error) {
      case UNRECOGNIZED_SEGMENT_ID -> "segment " + tag + " is not a known segment";
      case UNEXPECTED_SEGMENT, SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET ->
          "segment " + tag + " does not belong in this transaction set here";
      case SEGMENT_NOT_IN_PROPER_SEQUENCE -> "segment " + tag + " is out of order";
      case MANDATORY_SEGMENT_MISSING, IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE ->
          "required segment " + tag + " is missing";
      case LOOP_OCCURS_OVER_MAXIMUM_TIMES -> "the loop starting with " + tag + " repeats more often than allowed";
      case IMPLEMENTATION_LOOP_OCCURS_UNDER_MINIMUM_TIMES -> "the loop starting with " + tag + " occurs too few times";
      case SEGMENT_EXCEEDS_MAXIMUM_USE -> "segment " + tag + " repeats more often than allowed";
      case SEGMENT_HAS_DATA_ELEMENT_ERRORS -> "segment " + tag + " has element errors";
      case IMPLEMENTATION_UNUSED_SEGMENT_PRESENT -> "segment " + tag + " is not used by this implementation guide";
      case REQUIRED_DATA_ELEMENT_MISSING, IMPLEMENTATION_DEPENDENT_DATA_ELEMENT_MISSING ->
          "a required element is missing";
      case CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING -> "an element required with its pair is missing";
      case TOO_MANY_DATA_ELEMENTS -> "more elements than the segment has";
      case EXCLUSION_CONDITION_VIOLATED -> "elements that exclude each other are both present";
      case TOO_MANY_REPETITIONS -> "the element repeats more often than allowed";
      case TOO_MANY_COMPONENTS -> "more components than the element has";
      case IMPLEMENTATION_UNUSED_DATA_ELEMENT_PRESENT -> "an element this guide does not use is present";
      case DATA_ELEMENT_TOO_SHORT -> "value" + shown + " is shorter than allowed";
      case DATA_ELEMENT_TOO_LONG -> "value" + shown + " is longer than allowed";
      case INVALID_CHARACTER_DATA -> "value" + shown + " has characters the element's type does not allow";
      case INVALID_CODE_VALUE, IMPLEMENTATION_INVALID_CODE_VALUE -> "code" + shown + " is not a valid code here";
      case INVALID_DATE -> "value" + shown + " is not a valid date";
      case INVALID_TIME -> "value" + shown + " is not a valid time";
      case IMPLEMENTATION_PATTERN_MATCH_FAILURE -> "value" + shown + " does not match the required pattern";
      case CONTROL_REFERENCE_MISMATCH -> "control number" + shown + " does not match its header";
      case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> "count" + shown + " does not match the actual count";
      default -> error.name().toLowerCase().replace('_', ' ');
    };
  }
}
