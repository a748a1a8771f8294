package org.revcycle.denial;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.revcycle.claim.ClaimRepository;
import org.revcycle.claim.ClaimSummary;
import org.revcycle.claim.ClaimView;
import org.revcycle.workqueue.WorkQueueRouter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appeal letters written from the claim and the denial: what was billed, what the payer said and
 * why it should pay, ready to sign and send before the payer's deadline. Kept as written
 * (appeal_letter) and downloadable from GET /api/denials/{id}/appeal-letter.
 */
@Service
public class AppealLetters {

  private final DenialRepository denials;
  private final ClaimRepository claims;
  private final WorkQueueRouter router;
  private final Clock clock;

  public AppealLetters(DenialRepository denials, ClaimRepository claims, WorkQueueRouter router, Clock clock) {
    this.denials = denials;
    this.claims = claims;
    this.router = router;
    this.clock = clock;
  }

  /** The letter, its deadline and who waits for the payer's answer. */
  public record Appeal(String letter, LocalDate deadline, String queue, int priority, Date due) {}

  @Transactional
  public Appeal generate(UUID denialId, int priority) {
    DenialRepository.Denial denial = denials.find(denialId).orElseThrow();
    ClaimSummary claim = claims.summary(denial.claimId()).orElseThrow();
    LocalDate deadline = denial.appealDeadline() != null ? denial.appealDeadline()
        : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(60);
    String letter = letter(denial, claim, claims.lines(denial.claimId()), claims.diagnoses(denial.claimId()),
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    denials.addAppealLetter(denialId, letter, deadline, clock.instant());
    claims.addEvent(denial.claimId(), "DENIAL", "APPEAL_SENT", "appeal letter written; payer deadline " + deadline,
        "system", clock.instant());
    WorkQueueRouter.Route route = router.route(denial.claimId(), "APPEAL", denial.deniedAmount());
    Date due = Date.from(deadline.atStartOfDay(ZoneOffset.UTC).toInstant());
    return new Appeal(letter, deadline, route.queue(), priority, due);
  }

  static String letter(DenialRepository.Denial denial, ClaimSummary claim, List<ClaimView.Line> lines,
      List<String> diagnoses, LocalDate today) {
    StringBuilder s = new StringBuilder();
    s.append("REQUEST FOR RECONSIDERATION (FIRST-LEVEL APPEAL)\n\n");
    s.append("Date: ").append(today).append('\n');
    s.append("To: payer ").append(claim.payerId()).append(", appeals department\n");
    s.append("Payer claim number: ").append(claim.payerClaimNumber() == null ? "(not assigned)" : claim.payerClaimNumber()).append('\n');
    s.append("Patient account (patient control number): ").append(claim.patientControlNumber()).append('\n');
    s.append("Facility: ").append(claim.facilityId()).append("; date of service: ").append(claim.serviceDate()).append('\n');
    s.append("Billed: ").append(claim.totalCharge().toPlainString()).append(" USD; denied: ")
        .append(denial.deniedAmount().toPlainString()).append(" USD on ").append(denial.deniedOn()).append("\n\n");
    s.append("Denial reason: ").append(denial.groupCode() == null ? "" : denial.groupCode() + "-")
        .append(String.join(", ", denial.reasonCodes()));
    if (!denial.remarkCodes().isEmpty()) {
      s.append(" (remark codes ").append(String.join(", ", denial.remarkCodes())).append(')');
    }
    s.append('\n');
    if (denial.rootCause() != null) {
      s.append("Our review: ").append(denial.rootCause().label()).append(". ").append(argument(denial.rootCause())).append('\n');
    }
    s.append("\nServices billed:\n");
    for (ClaimView.Line line : lines) {
      s.append("  ").append(line.lineNumber()).append(". ")
          .append(line.procedureCode() != null ? line.procedureCode() : "rev " + line.revenueCode())
          .append(line.modifiers() == null || line.modifiers().isBlank() ? "" : "-" + line.modifiers())
          .append(" x ").append(line.units().stripTrailingZeros().toPlainString()).append(", ")
          .append(line.charge().toPlainString()).append(" USD, ").append(line.serviceDate()).append('\n');
    }
    s.append("Diagnoses: ").append(String.join(", ", diagnoses)).append("\n\n");
    s.append("We ask that the claim be reprocessed and paid. Supporting documentation is enclosed.\n");
    s.append("This appeal is filed within the payer's appeal window, which closes on ")
        .append(denial.appealDeadline()).append(".\n\nPatient financial services, revenue cycle denial management\n");
    return s.toString();
  }

  private static String argument(RootCause cause) {
    return switch (cause) {
      case MEDICAL_NECESSITY -> "The enclosed clinical documentation and the physician's letter show that the services were medically necessary.";
      case AUTHORIZATION -> "The enclosed record shows the authorization obtained (or the urgency that prevented it).";
      case CODING -> "The enclosed documentation supports the codes and modifiers billed.";
      case TIMELY_FILING -> "The enclosed clearinghouse acceptance report shows the claim was filed within the limit.";
      case NON_COVERED -> "The service is a covered benefit under the member's plan as enclosed.";
      case DUPLICATE -> "This claim is not a duplicate: the services and dates differ from the earlier claim.";
      case COORDINATION_OF_BENEFITS -> "The enclosed coverage information shows this payer is primary for the date of service.";
      case REGISTRATION_ELIGIBILITY -> "The enclosed eligibility response shows coverage was active on the date of service.";
      case MISSING_INFORMATION -> "The missing information is now supplied with this letter.";
    };
  }
}
