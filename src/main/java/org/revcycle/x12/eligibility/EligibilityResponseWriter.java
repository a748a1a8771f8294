package org.revcycle.x12.eligibility;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.revcycle.x12.InquiryParty;
import org.revcycle.x12.InquiryPerson;
import org.revcycle.x12.X12InterchangeWriter;
import org.revcycle.x12.X12Schemas;

/**
 * Writes 271 eligibility responses (005010X279A1) into an open interchange: one functional group
 * (HB) with one set per answer. Payers write these; revcycle's sandbox payers do, so that the
 * eligibility check reads real 271s. Validated against the 271 schema as it goes.
 */
public final class EligibilityResponseWriter {

  private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

  private EligibilityResponseWriter() {}

  /** Writes GS, one ST..SE per answer, GE; returns the ST02 of each set, in order. */
  public static List<String> writeGroup(X12InterchangeWriter out, List<EligibilityAnswer> answers, LocalDateTime created) {
    out.startGroup("HB", EligibilityInquiryWriter.GUIDE);
    List<String> controlNumbers = answers.stream().map(answer -> write(out, answer, created)).toList();
    out.endGroup();
    return controlNumbers;
  }

  private static String write(X12InterchangeWriter out, EligibilityAnswer a, LocalDateTime created) {
    String controlNumber = out.startTransaction("271", EligibilityInquiryWriter.GUIDE, X12Schemas.named("271"));
    boolean dependent = a.dependent() != null;
    out.segment("BHT", "0022", "11", a.submitterReference() == null ? "" : a.submitterReference(),
        created.toLocalDate(), created.format(HHMM));
    out.segment("HL", "1", "", "20", "1");
    name(out, "PR", a.payer());
    out.segment("HL", "2", "1", "21", "1");
    name(out, "1P", a.provider());
    out.segment("HL", "3", "2", "22", dependent ? "1" : "0");
    if (!dependent) {
      member(out, a, "IL", a.subscriber());
    } else {
      InquiryPerson s = a.subscriber();
      out.segment("NM1", "IL", "1", s.lastName(), s.firstName(), "", "", "", "MI", s.memberId());
      out.segment("HL", "4", "3", "23", "0");
      member(out, a, "03", a.dependent());
    }
    out.endTransaction();
    return controlNumber;
  }

  /** The answered member: TRN (the inquiry's trace, as 2: referenced), NM1, AAA or DMG, DTP*346, EB. */
  private static void member(X12InterchangeWriter out, EligibilityAnswer a, String entity, InquiryPerson person) {
    if (a.traceNumber() != null) {
      out.segment("TRN", "2", a.traceNumber(), a.traceOriginator() == null ? "" : a.traceOriginator());
    }
    boolean subscriber = "IL".equals(entity);
    out.segment("NM1", entity, "1", person.lastName(), person.firstName(), "", "", "",
        subscriber ? "MI" : "", subscriber ? person.memberId() : "");
    if (a.coverage() == EligibilityAnswer.Coverage.REJECTED) {
      out.segment("AAA", "Y", "", a.rejectReason(), a.followUpAction() == null ? "C" : a.followUpAction());
      return;
    }
    if (person.birthDate() != null) {
      out.segment("DMG", "D8", person.birthDate(), person.gender() == null ? "U" : person.gender());
    }
    if (a.planBegin() != null) {
      out.segment("DTP", "346", "D8", a.planBegin());
    }
    out.segment("EB", a.coverage() == EligibilityAnswer.Coverage.ACTIVE ? "1" : "6", "IND", "30", "",
        a.planName() == null ? "" : a.planName());
  }

  private static void name(X12InterchangeWriter out, String entity, InquiryParty party) {
    out.segment("NM1", entity, String.valueOf(party.entityType()), party.name(), party.firstName() == null ? "" : party.firstName(),
        "", "", "", party.idQualifier(), party.id());
  }
}
