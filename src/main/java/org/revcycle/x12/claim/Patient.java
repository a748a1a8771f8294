package org.revcycle.x12.claim;

import java.time.LocalDate;

/**
 * Loop 2000C/2010CA: the patient when not the subscriber. PAT01 is the patient's relationship to
 * the subscriber (01 spouse, 19 child, G8 other...).
 */
public record Patient(String relationship, PartyName name, Address address, LocalDate birthDate, String sex) {

  @Override
  public String toString() {
    return "Patient[" + relationship + "]";
  }
}
