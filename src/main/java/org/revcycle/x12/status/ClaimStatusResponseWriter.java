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
 * Writes 277 claim status responses (005010X212) into an open interchange: one functional group
 * (HN) with one set per answer, levels 20/21/19/22(/23) as in the question, then the claim's
 * status loop. Validated against the 277 schema as it goes, like every writer of the package.
 */
public final class ClaimStatusResponseWriter {

  private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

  private ClaimStatusResponseWriter() {}

  /** Writes GS, one ST..SE per answer, GE; returns the ST02 of each set, in order. */
  public static List<String> writeGroup(X12InterchangeWriter out, List<ClaimStatusAnswer> answers, LocalDateTime created) {
    out.startGroup("HN", ClaimStatusReader.GUIDE);
    List<String> controlNumbers = answers.stream().map(answer -> write(out, answer, created)).toList();
    out.endGroup();
    return controlNumbers;
  }

  private static String write(X12InterchangeWriter out, ClaimStatusAnswer answer, LocalDateTime created) {
    String controlNumber = out.startTransaction("277", ClaimStatusReader.GUIDE, X12Schemas.named("277"));
    boolean dependent = answer.dependent() != null;
    out.segment("BHT", "0010", "08", answer.responseReference(), created.toLocalDate(), created.format(HHMM), "DG");
    out.segment("HL", "1", "", "20", "1");
    name(out, "PR", answer.payer());
    out.segment("HL", "2", "1", "21", "1");
    name(out, "41", answer.receiver());
    out.segment("HL", "3", "2", "19", "1");
    name(out, "1P", answer.provider());
    out.segment("HL", "4", "3", "22", dependent ? "1" : "0");
    InquiryPerson subscriber = answer.subscriber();
    out.segment("NM1", "IL", "1", subscriber.lastName(), subscriber.firstName(), "", "", "", "MI", subscriber.memberId());
    if (dependent) {
      out.segment("HL", "5", "4", "23");
      out.segment("NM1", "QC", "1", answer.dependent().lastName(), answer.dependent().firstName());
    }
    claim(out, answer);
    out.endTransaction();
    return controlNumber;
  }

  /** Loop 2200D/2200E: the claim's status. */
  private static void claim(X12InterchangeWriter out, ClaimStatusAnswer answer) {
    out.segment("TRN", "2", answer.traceNumber());
    out.segment("STC", new String[] {answer.category(), answer.statusCode()}, answer.effectiveDate(), "",
        answer.totalCharge(), answer.paidAmount(), answer.paymentDate(), "", "", answer.checkNumber());
    if (answer.payerClaimNumber() != null) {
      out.segment("REF", "1K", answer.payerClaimNumber());
    }
    if (answer.billType() != null) {
      out.segment("REF", "BLT", answer.billType());
    }
    if (answer.patientControlNumber() != null) {
      out.segment("REF", "EJ", answer.patientControlNumber());
    }
    if (answer.serviceFrom() != null) {
      LocalDate to = answer.serviceTo() == null ? answer.serviceFrom() : answer.serviceTo();
      if (to.equals(answer.serviceFrom())) {
        out.segment("DTP", "472", "D8", answer.serviceFrom());
      } else {
        out.segment("DTP", "472", "RD8", answer.serviceFrom().format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
            + to.format(DateTimeFormatter.BASIC_ISO_DATE));
      }
    }
  }

  private static void name(X12InterchangeWriter out, String entity, InquiryParty party) {
    out.segment("NM1", entity, String.valueOf(party.entityType()), party.name(), party.firstName(), "", "", "",
        party.idQualifier(), party.id());
  }
}
