package org.revcycle.x12;

import java.time.LocalDate;

/**
 * A subscriber or dependent asked about: member id (subscribers only), name, date of birth and
 * gender (F, M, U). Patient data: it goes into the X12 and nowhere else (toString hides it).
 */
public record InquiryPerson(String memberId, String lastName, String firstName, LocalDate birthDate, String gender) {

  @Override
  public String toString() {
    return "InquiryPerson[hidden]";
  }
}
