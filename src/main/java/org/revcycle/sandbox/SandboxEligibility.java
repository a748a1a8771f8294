package org.revcycle.sandbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.revcycle.eligibility.PayerEligibility;
import org.revcycle.x12.ControlNumbers;
import org.revcycle.x12.InquiryParty;
import org.revcycle.x12.InquiryPerson;
import org.revcycle.x12.InterchangeParties;
import org.revcycle.x12.Segment;
import org.revcycle.x12.X12InterchangeWriter;
import org.revcycle.x12.X12SegmentReader;
import org.revcycle.x12.eligibility.EligibilityAnswer;
import org.revcycle.x12.eligibility.EligibilityResponseWriter;

/**
 * The sandbox payers' real-time eligibility: reads the 270 and answers with a real 271. Like a
 * payment sandbox's test card numbers, the member id decides the answer: a member id not in the
 * payer's format is rejected (AAA 72), and the last two digits of its number (before a dependent
 * suffix such as -01) pick a case: 00 coverage inactive (EB 6), 99 subscriber not found (AAA 75),
 * 98 name does not match (AAA 73); anything else is active coverage.
 */
class SandboxEligibility implements PayerEligibility {

  private final SandboxNetwork network;
  private final Clock clock;
  private final AtomicLong controlNumbers = new AtomicLong(1);

  SandboxEligibility(SandboxNetwork network, Clock clock) {
    this.network = network;
    this.clock = clock;
  }

  @Override
  public byte[] inquire(String payerId, byte[] inquiry270) {
    Inquiry q = read(inquiry270);
    // the payer asked: the one the envelope names, else the 270's own (NM1*PR09)
    SandboxNetwork.Payer payer = network.payer(payerId).or(() -> network.payer(q.payer().id())).orElse(null);
    payerId = payer != null ? payer.id() : payerId == null ? "UNKNOWN" : payerId;
    EligibilityAnswer.Coverage coverage = EligibilityAnswer.Coverage.ACTIVE;
    String reject = null;
    String memberId = q.subscriber().memberId() == null ? "" : q.subscriber().memberId();
    if (payer == null || !memberId.matches(payer.memberIdPattern())) {
      coverage = EligibilityAnswer.Coverage.REJECTED;
      reject = "72";
    } else {
      String number = memberId.replaceFirst("-0[1-9]$", "");
      switch (number.substring(Math.max(0, number.length() - 2))) {
        case "00" -> coverage = EligibilityAnswer.Coverage.INACTIVE;
        case "99" -> {
          coverage = EligibilityAnswer.Coverage.REJECTED;
          reject = "75";
        }
        case "98" -> {
          coverage = EligibilityAnswer.Coverage.REJECTED;
          reject = "73";
        }
        default -> { }
      }
    }
    LocalDate dos = q.dateOfService() == null ? LocalDate.now(clock) : q.dateOfService();
    EligibilityAnswer answer = new EligibilityAnswer(q.reference(), q.payer(), q.provider(), q.subscriber(), q.dependent(),
        q.trace(), q.traceOriginator(), coverage, payer == null ? null : planName(payer.name()),
        dos.minusYears(1).withDayOfYear(1), reject, "C");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (X12InterchangeWriter writer = new X12InterchangeWriter(out,
        InterchangeParties.of(payerId.length() > 15 ? payerId.substring(0, 15) : payerId, "REVCYCLE", 'P'), ControlNumbers.inMemory(controlNumbers), clock)) {
      EligibilityResponseWriter.writeGroup(writer, List.of(answer), LocalDateTime.now(clock));
    }
    return out.toByteArray();
  }

  /** EB05 holds at most 50 characters. */
  private static String planName(String name) {
    return name.length() <= 50 ? name : name.substring(0, 50).trim();
  }

  private record Inquiry(String reference, InquiryParty payer, InquiryParty provider, InquiryPerson subscriber,
      InquiryPerson dependent, String trace, String traceOriginator, LocalDate dateOfService) {}

  /** The parts of a 270 a payer answers to. */
  private static Inquiry read(byte[] x12) {
    String reference = null;
    String trace = null;
    String originator = null;
    InquiryParty payer = null;
    InquiryParty provider = null;
    String[] subscriber = null;
    String[] dependent = null;
    LocalDate subscriberBirth = null;
    LocalDate dependentBirth = null;
    String subscriberSex = null;
    String dependentSex = null;
    LocalDate dos = null;
    try (X12SegmentReader reader = X12SegmentReader.open(new ByteArrayInputStream(x12))) {
      Segment s;
      boolean inDependent = false;
      while ((s = reader.next()) != null) {
        switch (s.tag()) {
          case "BHT" -> reference = s.optional(3);
          case "TRN" -> {
            trace = s.optional(2);
            originator = s.optional(3);
          }
          case "NM1" -> {
            switch (s.text(1)) {
              case "PR" -> payer = InquiryParty.organization(s.text(3), s.optional(8), s.optional(9));
              case "1P" -> provider = InquiryParty.organization(s.text(3), s.optional(8), s.optional(9));
              case "IL" -> subscriber = new String[] {s.optional(9), s.optional(3), s.optional(4)};
              case "03" -> {
                dependent = new String[] {null, s.optional(3), s.optional(4)};
                inDependent = true;
              }
              default -> { }
            }
          }
          case "DMG" -> {
            if (inDependent) {
              dependentBirth = s.date(2);
              dependentSex = s.optional(3);
            } else {
              subscriberBirth = s.date(2);
              subscriberSex = s.optional(3);
            }
          }
          case "DTP" -> {
            if ("291".equals(s.text(1))) {
              dos = s.date(3);
            }
          }
          default -> { }
        }
      }
    }
    if (payer == null || provider == null || subscriber == null) {
      throw new IllegalArgumentException("The 270 names no payer, provider or subscriber");
    }
    return new Inquiry(reference, payer, provider,
        new InquiryPerson(subscriber[0], subscriber[1], subscriber[2], subscriberBirth, subscriberSex),
        dependent == null ? null : new InquiryPerson(null, dependent[1], dependent[2], dependentBirth, dependentSex),
        trace, originator, dos);
  }
}
