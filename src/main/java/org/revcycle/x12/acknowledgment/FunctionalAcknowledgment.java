package org.revcycle.x12.acknowledgment;

import java.util.List;

/**
 * One 999 (005010X231A1) or 997 (005010X230) set: the group it answers (AK101 functional id,
 * AK102 group control number, AK103 guide), the verdict on the group (AK9) with its counts and
 * reasons, and the verdict on each set in it.
 */
public record FunctionalAcknowledgment(
    String acknowledgmentSetId,
    String functionalId,
    String groupControlNumber,
    String groupGuide,
    AcknowledgmentStatus groupStatus,
    CodedReason groupStatusCode,
    int setsIncluded,
    int setsReceived,
    int setsAccepted,
    List<CodedReason> groupErrors,
    List<TransactionSetResponse> sets) {

  public FunctionalAcknowledgment {
    groupErrors = List.copyOf(groupErrors);
    sets = List.copyOf(sets);
  }

  /** The response for the set with this control number (ST02 as sent), or null. */
  public TransactionSetResponse set(String controlNumber) {
    return sets.stream().filter(s -> s.controlNumber().equals(controlNumber)).findFirst().orElse(null);
  }
}
