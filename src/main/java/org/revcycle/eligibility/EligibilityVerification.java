package org.revcycle.eligibility;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.revcycle.x12.ControlNumbers;
import org.revcycle.x12.InquiryParty;
import org.revcycle.x12.InquiryPerson;
import org.revcycle.x12.InterchangeParties;
import org.revcycle.x12.X12Exception;
import org.revcycle.x12.X12InterchangeWriter;
import org.revcycle.x12.eligibility.EligibilityInquiry;
import org.revcycle.x12.eligibility.EligibilityInquiryWriter;
import org.revcycle.x12.eligibility.EligibilityResponse;
import org.revcycle.x12.eligibility.EligibilityResponseReader;
import org.revcycle.x12.eligibility.MemberEligibility;
import org.revcycle.x12.eligibility.RequestRejection;

/**
 * Real-time eligibility for one registration: writes the 270 (the subscriber, and the patient as
 * dependent when the patient is not the subscriber), asks the payer, reads the 271 and says in
 * plain words what stands in the way of a claim: no active coverage on the date of service, or the
 * payer's rejection of the request (AAA) with what to do about it.
 */
public class EligibilityVerification {

  public enum Outcome {
    ACTIVE,
    INACTIVE,
    REJECTED,
    UNREADABLE
  }

  /** Who is asked about, for which payer, by which provider, for which date of service. */
  public record Request(String payerId, String payerName, String memberId, Person patient, Person subscriber,
      String providerName, String providerNpi, String providerTaxId, LocalDate dateOfService) {}

  /** A person as the payer knows them; patient data, never logged. */
  public record Person(String familyName, String givenName, LocalDate birthDate, String sex) {}

  public record Verification(Outcome outcome, List<RegistrationProblem> problems, String summary, String traceNumber,
      String request270, String response271) {}

  private final PayerEligibility payers;
  private final ControlNumbers controlNumbers;
  private final Clock clock;

  public EligibilityVerification(PayerEligibility payers, ControlNumbers controlNumbers, Clock clock) {
    this.payers = payers;
    this.controlNumbers = controlNumbers;
    this.clock = clock;
  }

  public Verification verify(Request r) {
    String trace = "RC" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
    boolean dependent = r.subscriber() != null;
    Person holder = dependent ? r.subscriber() : r.patient();
    EligibilityInquiry inquiry = new EligibilityInquiry(trace,
        InquiryParty.organization(truncate(r.payerName(), 60), "PI", r.payerId()),
        InquiryParty.organization(truncate(r.providerName(), 60), "XX", r.providerNpi()),
        new InquiryPerson(r.memberId(), upper(holder.familyName()), upper(holder.givenName()), holder.birthDate(), holder.sex()),
        dependent ? new InquiryPerson(null, upper(r.patient().familyName()), upper(r.patient().givenName()),
            r.patient().birthDate(), r.patient().sex()) : null,
        trace, "9" + (r.providerTaxId() == null ? "000000000" : r.providerTaxId()), List.of("30"), r.dateOfService());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (X12InterchangeWriter writer = new X12InterchangeWriter(out,
        InterchangeParties.of("REVCYCLE", truncate(r.payerId(), 15), 'P'), controlNumbers, clock)) {
      EligibilityInquiryWriter.writeGroup(writer, List.of(inquiry), LocalDateTime.now(clock));
    }
    byte[] request = out.toByteArray();
    byte[] response = payers.inquire(r.payerId(), request);
    String request270 = new String(request, StandardCharsets.UTF_8);
    String response271 = response == null ? null : new String(response, StandardCharsets.UTF_8);
    return interpret(r, trace, request270, response271, response);
  }

  private Verification interpret(Request r, String trace, String request270, String response271, byte[] response) {
    EligibilityResponse answer;
    try {
      answer = response == null ? null : EligibilityResponseReader.read(new ByteArrayInputStream(response));
    } catch (X12Exception e) {
      answer = null;
    }
    if (answer == null || !answer.isClean()) {
      return result(Outcome.UNREADABLE, List.of(new RegistrationProblem("eligibility",
          "The payer's eligibility answer (271) could not be read: complete this task to ask again, or verify "
              + "coverage on the payer's portal.")), "271 unreadable", trace, request270, response271);
    }
    List<RegistrationProblem> problems = new ArrayList<>();
    for (RequestRejection rejection : answer.requestRejections()) {
      problems.add(rejection(rejection, r.payerId()));
    }
    MemberEligibility member = answer.members().isEmpty() ? null : answer.members().get(answer.members().size() - 1);
    if (member != null) {
      answer.members().forEach(m -> m.rejections().forEach(rej -> problems.add(rejection(rej, r.payerId()))));
    }
    if (!problems.isEmpty()) {
      return result(Outcome.REJECTED, problems, "rejected: " + problems.size() + " AAA", trace, request270, response271);
    }
    Boolean active = member == null ? null : member.coverageActive();
    if (!Boolean.TRUE.equals(active)) {
      return result(Outcome.INACTIVE, List.of(new RegistrationProblem("eligibility",
          "Payer " + r.payerId() + " reports no active coverage on the date of service " + r.dateOfService()
              + ": find the patient's current coverage, or mark the account self-pay.")),
          active == null ? "no coverage information" : "inactive", trace, request270, response271);
    }
    return result(Outcome.ACTIVE, List.of(), "active coverage", trace, request270, response271);
  }

  /** An AAA in words: where the payer found the fault, and what to do. */
  private static RegistrationProblem rejection(RequestRejection rejection, String payerId) {
    String reason = rejection.rejectReason();
    String field = switch (reason == null ? "" : reason) {
      case "72", "74", "76", "78" -> "coverage.memberId";
      case "73", "71", "58", "60", "61", "62" -> "patient.name";
      case "64", "65", "66", "67", "68" -> "patient";
      case "75" -> "coverage";
      case "41", "43", "44", "45", "46", "47", "48", "49", "50", "51", "52", "79" -> "provider";
      default -> "eligibility";
    };
    String what = rejection.rejectReasonDescription() == null ? "reason " + reason : rejection.rejectReasonDescription();
    String next = switch (rejection.followUpAction() == null ? "" : rejection.followUpAction()) {
      case "C" -> "Correct the registration and complete this task to ask again.";
      case "R" -> "The payer asks to resubmit later: complete this task to ask again.";
      case "N", "W" -> "The payer does not accept another inquiry: verify coverage with the payer directly.";
      default -> "Check the registration against the insurance card.";
    };
    return new RegistrationProblem(field, "Payer " + payerId + " rejected the eligibility inquiry: " + what
        + " (AAA " + reason + "). " + next);
  }

  private static Verification result(Outcome outcome, List<RegistrationProblem> problems, String summary, String trace,
      String request270, String response271) {
    return new Verification(outcome, problems, summary, trace, request270, response271);
  }

  private static String upper(String s) {
    return s == null ? "" : s.toUpperCase(Locale.ROOT);
  }

  private static String truncate(String s, int max) {
    return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
  }
}
