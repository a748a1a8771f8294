package org.revcycle.x12;

import java.util.Objects;

/**
 * A payer, clearinghouse or provider named in an inquiry's NM1: entity type (1 person, 2
 * organization), last or organization name, first name (persons only), and the id with its
 * qualifier (PI payer id, XX NPI, 46 electronic transmitter id, SV service provider number).
 */
public record InquiryParty(char entityType, String name, String firstName, String idQualifier, String id) {

  public InquiryParty {
    Objects.requireNonNull(name, "name");
    if (entityType != '1' && entityType != '2') {
      throw new IllegalArgumentException("entity type is 1 (person) or 2 (organization), not " + entityType);
    }
  }

  public static InquiryParty organization(String name, String idQualifier, String id) {
    return new InquiryParty('2', name, null, idQualifier, id);
  }
}
