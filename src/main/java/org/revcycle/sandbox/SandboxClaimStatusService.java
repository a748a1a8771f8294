package org.revcycle.sandbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.revcycle.claim.ClaimStatusInquiry.StatusReport;
import org.revcycle.remittance.ClaimAdjudication;
import org.revcycle.x12.ControlNumbers;
import org.revcycle.x12.DatePeriod;
import org.revcycle.x12.InquiryParty;
import org.revcycle.x12.InquiryPerson;
import org.revcycle.x12.InterchangeParties;
import org.revcycle.x12.Segment;
import org.revcycle.x12.X12InterchangeWriter;
import org.revcycle.x12.X12SegmentReader;
import org.revcycle.x12.status.ClaimStatusAnswer;
import org.revcycle.x12.status.ClaimStatusResponseWriter;

/**
 * The sandbox payers' claim status service: reads a 276 and answers with a real 277 from what
 * {@link SandboxClaimStatuses} knows: F1 finalized/payment (65, paid amount, date and EFT trace),
 * F2 finalized/denial (see the remittance), P1 pending in process (20), A4 not found (35).
 */
class SandboxClaimStatusService {

  private final SandboxClaimStatuses statuses;
  private final Clock clock;
  private final AtomicLong controlNumbers = new AtomicLong(1);

  SandboxClaimStatusService(SandboxClaimStatuses statuses, Clock clock) {
    this.statuses = statuses;
    this.clock = clock;
  }

  /** The 277 interchange answering the 276 interchange; IllegalArgumentException names what the 276 lacks. */
  byte[] answer(byte[] inquiry276) {
    Question q = read(inquiry276);
    StatusReport status = statuses.status(q.patientControlNumber());
    ClaimAdjudication decided = statuses.adjudication(q.patientControlNumber()).orElse(null);
    String statusCode = switch (status.category()) {
      case "F1" -> "65";
      case "F2" -> "1";
      case "P1" -> "20";
      default -> "35";
    };
    BigDecimal charge = decided != null ? decided.charge() : q.totalCharge() == null ? BigDecimal.ZERO : q.totalCharge();
    boolean finalized = decided != null && status.finalized();
    ClaimStatusAnswer answer = new ClaimStatusAnswer("SBX277" + controlNumbers.get(), q.payer(), q.receiver(),
        q.provider(), q.subscriber(), q.dependent(), q.trace(), status.category(), statusCode, LocalDate.now(clock),
        charge, finalized ? decided.paid() : null, finalized ? decided.paymentDate() : null,
        finalized ? decided.traceNumber() : null, q.patientControlNumber(),
        decided != null ? decided.payerClaimNumber() : null, null, q.serviceFrom(), q.serviceTo());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String payerId = q.payer().id() == null ? "SANDBOX" : q.payer().id();
    try (X12InterchangeWriter writer = new X12InterchangeWriter(out,
        InterchangeParties.of(payerId.length() > 15 ? payerId.substring(0, 15) : payerId, "REVCYCLE", 'P'),
        ControlNumbers.inMemory(controlNumbers), clock)) {
      ClaimStatusResponseWriter.writeGroup(writer, List.of(answer), LocalDateTime.now(clock));
    }
    return out.toByteArray();
  }

  private record Question(InquiryParty payer, InquiryParty receiver, InquiryParty provider, InquiryPerson subscriber,
      InquiryPerson dependent, String trace, String patientControlNumber, BigDecimal totalCharge, LocalDate serviceFrom,
      LocalDate serviceTo) {}

  /** The parts of a 276 a payer answers to. */
  private static Question read(byte[] x12) {
    InquiryParty payer = null;
    InquiryParty receiver = null;
    InquiryParty provider = null;
    InquiryPerson subscriber = null;
    InquiryPerson dependent = null;
    String trace = null;
    String pcn = null;
    BigDecimal charge = null;
    DatePeriod dates = null;
    String setId = null;
    try (X12SegmentReader reader = X12SegmentReader.open(new ByteArrayInputStream(x12))) {
      Segment s;
      while ((s = reader.next()) != null) {
        switch (s.tag()) {
          case "ST" -> setId = s.text(1);
          case "NM1" -> {
            switch (s.text(1)) {
              case "PR" -> payer = InquiryParty.organization(s.text(3), s.optional(8), s.optional(9));
              case "41" -> receiver = InquiryParty.organization(s.text(3), s.optional(8), s.optional(9));
              case "1P" -> provider = InquiryParty.organization(s.text(3), s.optional(8), s.optional(9));
              case "IL" -> subscriber = new InquiryPerson(s.optional(9), s.optional(3), s.optional(4), null, null);
              case "QC" -> dependent = new InquiryPerson(null, s.optional(3), s.optional(4), null, null);
              default -> { }
            }
          }
          case "TRN" -> trace = s.optional(2);
          case "REF" -> {
            if (s.is("REF", "EJ")) {
              pcn = s.optional(2);
            }
          }
          case "AMT" -> {
            if (s.is("AMT", "T3")) {
              charge = s.decimal(2);
            }
          }
          case "DTP" -> {
            if (s.is("DTP", "472")) {
              dates = DatePeriod.of(s);
            }
          }
          default -> { }
        }
      }
    }
    if (!"276".equals(setId)) {
      throw new IllegalArgumentException("the payload is not a 276 claim status request (ST01 " + setId + ")");
    }
    if (payer == null || receiver == null || provider == null || subscriber == null) {
      throw new IllegalArgumentException("the 276 lacks loop 2100A payer, 2100B receiver, 2100C provider or "
          + "2100D subscriber (NM1*PR/41/1P/IL)");
    }
    if (trace == null) {
      throw new IllegalArgumentException("the 276 lacks the claim's trace number (loop 2200D TRN02)");
    }
    if (pcn == null) {
      throw new IllegalArgumentException("the 276 lacks the patient control number (loop 2200D REF*EJ)");
    }
    return new Question(payer, receiver, provider, subscriber, dependent, trace, pcn, charge,
        dates == null ? null : dates.from(), dates == null ? null : dates.to());
  }
}
