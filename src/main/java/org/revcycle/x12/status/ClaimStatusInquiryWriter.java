package org.revcycle.x12.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.revcycle.x12.InquiryParty;
import org.revcycle.x12.InquiryPerson;
import org.revcycle.x12.X12InterchangeWriter;
import org.revcycle.x12.X12Schemas;

/**
 * Writes 276 claim status requests (005010X212) into an open interchange: one functional group
 * (HR) with one set per inquiry, levels 20/21/19/22(/23). Validated against the 276 schema as it
 * goes; the interchange's {@code close()} throws when anything written broke it.
 */
public final class ClaimStatusInquiryWriter {

  private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

  private ClaimStatusInquiryWriter() {}

  /** Writes GS, one ST..SE per inquiry, GE; returns the ST02 of each set, in order. */
  public static List<String> writeGroup(X12InterchangeWriter out, List<ClaimStatusInquiry> inquiries, LocalDateTime created) {
    out.startGroup("HR", ClaimStatusReader.GUIDE);
    List<String> controlNumbers = inquiries.stream().map(inquiry -> write(out, inquiry, created)).toList();
    out.endGroup();
    return controlNumbers;
  }

  private static String write(X12InterchangeWriter out, ClaimStatusInquiry inquiry, LocalDateTime created) {
    String controlNumber = out.startTransaction("276", ClaimStatusReader.GUIDE, X12Schemas.named("276"));
    boolean dependent = inquiry.dependent() != null;
    out.segment("BHT", "0010", "13", inquiry.submitterReference(), created.toLocalDate(), created.format(HHMM));
    out.segment("HL", "1", "", "20", "1");
    name(out, "PR", inquiry.payer());
    out.segment("HL", "2", "1", "21", "1");
    name(out, "41", inquiry.receiver());
    out.segment("HL", "3", "2", "19", "1");
    name(out, "1P", inquiry.provider());
    out.segment("HL", "4", "3", "22", dependent ? "1" : "0");
    InquiryPerson subscriber = inquiry.subscriber();
    if (!dependent) {
      demographics(out, subscriber);
    }
    out.segment("NM1", "IL", "1", subscriber.lastName(), subscriber.firstName(), "", "", "", "MI", subscriber.memberId());
    if (dependent) {
      out.segment("HL", "5", "4", "23");
      demographics(out, inquiry.dependent());
      out.segment("NM1", "QC", "1", inquiry.dependent().lastName(), inquiry.dependent().firstName());
    }
    claim(out, inquiry);
    out.endTransaction();
    return controlNumber;
  }

  /** Loop 2200D/2200E: the claim asked about. */
  private static void claim(X12InterchangeWriter out, ClaimStatusInquiry inquiry) {
    out.segment("TRN", "1", inquiry.traceNumber());
    if (inquiry.payerClaimNumber() != null) {
      out.segment("REF", "1K", inquiry.payerClaimNumber());
    }
    if (inquiry.billType() != null) {
      out.segment("REF", "BLT", inquiry.billType());
    }
    if (inquiry.patientControlNumber() != null) {
      out.segment("REF", "EJ", inquiry.patientControlNumber());
    }
    if (inquiry.totalCharge() != null) {
      out.segment("AMT", "T3", inquiry.totalCharge());
    }
    LocalDate to = inquiry.serviceTo() == null ? inquiry.serviceFrom() : inquiry.serviceTo();
    if (to.equals(inquiry.serviceFrom())) {
      out.segment("DTP", "472", "D8", inquiry.serviceFrom());
    } else {
      out.segment("DTP", "472", "RD8", inquiry.serviceFrom().format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
          + to.format(DateTimeFormatter.BASIC_ISO_DATE));
    }
  }

  private static void demographics(X12InterchangeWriter out, InquiryPerson person) {
    if (person.birthDate() != null) {
      out.segment("DMG", "D8", person.birthDate(), person.gender());
    }
  }

  private static void name(X12InterchangeWriter out, String entity, InquiryParty party) {
    out.segment("NM1", entity, String.valueOf(party.entityType()), party.name(), party.firstName(), "", "", "",
        party.idQualifier(), party.id());
  }
}
