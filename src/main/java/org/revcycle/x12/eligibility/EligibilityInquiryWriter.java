package org.revcycle.x12.eligibility;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.revcycle.x12.InquiryParty;
import org.revcycle.x12.InquiryPerson;
import org.revcycle.x12.X12InterchangeWriter;
import org.revcycle.x12.X12Schemas;

/**
 * Writes 270 eligibility inquiries (005010X279A1) into an open interchange: one functional group
 * (HS) with one set per inquiry. The writer validates against the 270 schema as it goes; the
 * interchange's {@code close()} throws when anything written broke it, so nothing the schema
 * rejects is sent.
 */
public final class EligibilityInquiryWriter {

  static final String GUIDE = "005010X279A1";
  private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

  private EligibilityInquiryWriter() {}

  /** Writes GS, one ST..SE per inquiry, GE; returns the ST02 of each set, in order. */
  public static List<String> writeGroup(X12InterchangeWriter out, List<EligibilityInquiry> inquiries, LocalDateTime created) {
    out.startGroup("HS", GUIDE);
    List<String> controlNumbers = inquiries.stream().map(inquiry -> write(out, inquiry, created)).toList();
    out.endGroup();
    return controlNumbers;
  }

  private static String write(X12InterchangeWriter out, EligibilityInquiry inquiry, LocalDateTime created) {
    String controlNumber = out.startTransaction("270", GUIDE, X12Schemas.named("270"));
    boolean dependent = inquiry.dependent() != null;
    out.segment("BHT", "0022", "13", inquiry.submitterReference(), created.toLocalDate(), created.format(HHMM));
    out.segment("HL", "1", "", "20", "1");
    name(out, "PR", inquiry.payer());
    out.segment("HL", "2", "1", "21", "1");
    name(out, "1P", inquiry.provider());
    out.segment("HL", "3", "2", "22", dependent ? "1" : "0");
    if (!dependent) {
      member(out, inquiry, "IL", inquiry.subscriber());
    } else {
      InquiryPerson subscriber = inquiry.subscriber();
      out.segment("NM1", "IL", "1", subscriber.lastName(), subscriber.firstName(), "", "", "", "MI", subscriber.memberId());
      out.segment("HL", "4", "3", "23", "0");
      member(out, inquiry, "03", inquiry.dependent());
    }
    out.endTransaction();
    return controlNumber;
  }

  /** The patient's level: TRN, NM1, DMG, DTP*291, then one EQ per service type. */
  private static void member(X12InterchangeWriter out, EligibilityInquiry inquiry, String entity, InquiryPerson person) {
    out.segment("TRN", "1", inquiry.traceNumber(), inquiry.traceOriginator());
    boolean subscriber = "IL".equals(entity);
    out.segment("NM1", entity, "1", person.lastName(), person.firstName(), "", "", "",
        subscriber ? "MI" : "", subscriber ? person.memberId() : "");
    if (person.birthDate() != null) {
      out.segment("DMG", "D8", person.birthDate(), person.gender());
    }
    if (inquiry.dateOfService() != null) {
      out.segment("DTP", "291", "D8", inquiry.dateOfService());
    }
    for (String serviceType : inquiry.serviceTypes()) {
      out.segment("EQ", serviceType);
    }
  }

  private static void name(X12InterchangeWriter out, String entity, InquiryParty party) {
    out.segment("NM1", entity, String.valueOf(party.entityType()), party.name(), party.firstName(), "", "", "",
        party.idQualifier(), party.id());
  }
}
