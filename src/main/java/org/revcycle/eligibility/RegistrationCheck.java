package org.revcycle.eligibility;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.revcycle.claim.ClaimRepository;
import org.revcycle.claim.ClaimStatus;
import org.revcycle.claim.ClaimSummary;
import org.revcycle.workqueue.WorkQueueRouter;
import org.revcycle.x12.ControlNumbers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Catches registration problems before a claim is built: a claim that would be rejected for
 * missing or impossible registration data becomes a task now, not a denial weeks later.
 */
@Service
public class RegistrationCheck {

  private final JdbcClient jdbc;
  private final ClaimRepository claims;
  private final WorkQueueRouter router;
  private final Clock clock;
  private final EligibilityVerification eligibility;

  public RegistrationCheck(JdbcClient jdbc, ClaimRepository claims, WorkQueueRouter router, Clock clock,
      ObjectProvider<PayerEligibility> payers, ObjectProvider<ControlNumbers> controlNumbers) {
    this.jdbc = jdbc;
    this.claims = claims;
    this.router = router;
    this.clock = clock;
    PayerEligibility payer = payers.getIfAvailable();
    // without a payer connection (no sandbox, no clearinghouse configured) the real-time check is skipped
    this.eligibility = payer == null ? null : new EligibilityVerification(payer, controlNumbers.getObject(), clock);
  }

  /**
   * The problems found (none: verified), a one-line summary of the claim for the task, and where
   * the exception goes (queue, priority, due date from decisions/work-queue-routing.dmn; null when verified).
   */
  public record Result(List<RegistrationProblem> problems, String claimSummary, WorkQueueRouter.Route route) {}

  /** Who else a registration names: the subscriber, the rendering provider, the billing facility. */
  record Parties(String subscriberFamilyName, String subscriberGivenName, LocalDate subscriberBirthDate,
      String subscriberSex, String renderingNpi, boolean renderingProviderKnown, String facilityName, String facilityNpi,
      String facilityTaxId, String payerName, boolean realTimeEligibility, boolean payerActive,
      boolean renderingProviderActive) {}

  @Transactional
  public Result check(UUID claimId) {
    Registration registration = jdbc.sql("""
            select p.family_name, p.given_name, p.birth_date, p.sex, e.facility_id, f.id, e.service_date,
              e.discharge_date, c.payer_id, py.id, py.member_id_pattern, c.member_id, c.subscriber_relationship,
              c.coverage_start, c.coverage_end
            from claim c join encounter e on e.id = c.encounter_id join patient p on p.id = e.patient_id
            left join facility f on f.id = e.facility_id left join payer py on py.id = c.payer_id
            where c.id = ?""")
        .param(claimId)
        .query((rs, n) -> new Registration(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
            rs.getString(4), rs.getString(5), rs.getString(6) != null, rs.getObject(7, LocalDate.class),
            rs.getObject(8, LocalDate.class), rs.getString(9), rs.getString(10) != null, rs.getString(11),
            rs.getString(12), rs.getString(13), rs.getObject(14, LocalDate.class), rs.getObject(15, LocalDate.class)))
        .optional()
        .orElseThrow(() -> new IllegalStateException("Claim " + claimId + " does not exist"));
    Parties parties = jdbc.sql("""
            select e.subscriber_family_name, e.subscriber_given_name, e.subscriber_birth_date, e.subscriber_sex,
              e.rendering_npi, pr.npi, f.name, f.npi, f.tax_id, py.name, py.real_time_eligibility,
              coalesce(py.active, true), coalesce(pr.active, true)
            from claim c join encounter e on e.id = c.encounter_id
            left join provider pr on pr.npi = e.rendering_npi left join facility f on f.id = e.facility_id
            left join payer py on py.id = c.payer_id
            where c.id = ?""")
        .param(claimId)
        .query((rs, n) -> new Parties(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
            rs.getString(4), rs.getString(5), rs.getString(6) != null, rs.getString(7), rs.getString(8),
            rs.getString(9), rs.getString(10), rs.getBoolean(11), rs.getBoolean(12), rs.getBoolean(13)))
        .single();
    List<RegistrationProblem> problems = new ArrayList<>(jdbc.sql("""
            select f.field, f.message from encounter_finding f join claim c on c.encounter_id = f.encounter_id
            where c.id = ? order by f.sequence""")
        .param(claimId).query((rs, n) -> new RegistrationProblem(rs.getString(1), rs.getString(2))).list());
    for (RegistrationProblem p : problems(registration, LocalDate.now(clock))) {
      if (problems.stream().noneMatch(q -> q.field().equals(p.field()))) {
        problems.add(p);
      }
    }
    problems.addAll(partyProblems(registration, parties));
    Instant now = clock.instant();
    // the payer is asked only about a registration that is complete: a known wrong one wastes the inquiry
    if (problems.isEmpty() && registration.payerId() != null && parties.realTimeEligibility() && eligibility != null) {
      EligibilityVerification.Verification v = eligibility.verify(request(registration, parties));
      jdbc.sql("""
          insert into eligibility_check (id, claim_id, payer_id, trace_number, outcome, summary, request_270,
            response_271, checked_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(UUID.randomUUID(), claimId, registration.payerId(), v.traceNumber(), v.outcome().name(), v.summary(),
              v.request270(), v.response271(), java.sql.Timestamp.from(now))
          .update();
      claims.addEvent(claimId, "ELIGIBILITY", v.outcome().name(), "271 " + v.summary(), "system", now);
      problems.addAll(v.problems());
    }
    if (problems.isEmpty()) {
      claims.addEvent(claimId, "REGISTRATION", "VERIFIED", null, "system", now);
    } else {
      claims.updateStatus(claimId, ClaimStatus.REGISTRATION_HOLD, now);
      claims.addEvent(claimId, "REGISTRATION", "EXCEPTION", problems.size() + " problem(s): "
          + problems.stream().map(RegistrationProblem::field).distinct().toList(), "system", now);
    }
    WorkQueueRouter.Route route = problems.isEmpty() ? null
        : router.route(claimId, "REGISTRATION", claims.summary(claimId).map(ClaimSummary::totalCharge).orElseThrow());
    return new Result(problems, claims.summaryText(claimId), route);
  }

  private static EligibilityVerification.Request request(Registration r, Parties p) {
    EligibilityVerification.Person patient =
        new EligibilityVerification.Person(r.familyName(), r.givenName(), r.birthDate(), r.sex());
    EligibilityVerification.Person subscriber = "SELF".equals(r.relationship()) ? null
        : new EligibilityVerification.Person(p.subscriberFamilyName(), p.subscriberGivenName(), p.subscriberBirthDate(),
            p.subscriberSex());
    return new EligibilityVerification.Request(r.payerId(), p.payerName(), r.memberId(), patient, subscriber,
        p.facilityName(), p.facilityNpi(), p.facilityTaxId(), r.serviceDate());
  }

  /** The subscriber fits the relationship; the rendering provider is one the master data knows. */
  static List<RegistrationProblem> partyProblems(Registration r, Parties p) {
    List<RegistrationProblem> problems = new ArrayList<>();
    if (r.payerId() != null && r.relationship() != null && !"SELF".equals(r.relationship())) {
      if (blank(p.subscriberFamilyName()) || blank(p.subscriberGivenName()) || p.subscriberBirthDate() == null) {
        problems.add(new RegistrationProblem("coverage.subscriber", "The patient is the "
            + r.relationship().toLowerCase() + " of the subscriber, but the subscriber's name or birth date is missing."));
      } else if (p.subscriberFamilyName().equalsIgnoreCase(r.familyName())
          && p.subscriberGivenName().equalsIgnoreCase(r.givenName()) && p.subscriberBirthDate().equals(r.birthDate())) {
        problems.add(new RegistrationProblem("coverage.relationship", "The subscriber is the patient, but the "
            + "relationship is " + r.relationship().toLowerCase() + ": correct the relationship to self or the subscriber."));
      } else if ("CHILD".equals(r.relationship()) && r.birthDate() != null
          && !p.subscriberBirthDate().isBefore(r.birthDate())) {
        problems.add(new RegistrationProblem("coverage.relationship",
            "The patient is recorded as the subscriber's child, but the subscriber is not older than the patient."));
      }
    }
    if (p.renderingNpi() != null && !p.renderingProviderKnown()) {
      problems.add(new RegistrationProblem("renderingProviderNpi", "The rendering provider's NPI " + p.renderingNpi()
          + " is not in the master data: add the provider or correct the NPI."));
    } else if (p.renderingNpi() != null && !p.renderingProviderActive()) {
      problems.add(new RegistrationProblem("renderingProviderNpi", "The rendering provider " + p.renderingNpi()
          + " is inactive in the master data: correct the provider or reactivate them."));
    }
    if (r.payerId() != null && r.payerKnown() && !p.payerActive()) {
      problems.add(new RegistrationProblem("coverage.payerId", "Payer " + r.payerId()
          + " is inactive in the master data: it takes no new claims; correct the coverage."));
    }
    return problems;
  }

  static List<RegistrationProblem> problems(Registration r, LocalDate today) {
    List<RegistrationProblem> problems = new ArrayList<>();
    if (blank(r.familyName()) || blank(r.givenName())) {
      problems.add(new RegistrationProblem("patient.name", "The patient's name is incomplete."));
    }
    if (r.birthDate() == null || (r.serviceDate() != null && r.birthDate().isAfter(r.serviceDate()))) {
      problems.add(new RegistrationProblem("patient.birthDate", "The birth date is missing or after the date of service."));
    }
    if (blank(r.sex())) {
      problems.add(new RegistrationProblem("patient.sex", "The patient's sex is missing."));
    }
    if (!r.facilityKnown()) {
      problems.add(new RegistrationProblem("facility", "Facility '" + r.facilityId() + "' is not in the master data."));
    }
    if (r.serviceDate() != null && r.serviceDate().isAfter(today)) {
      problems.add(new RegistrationProblem("serviceDate", "The date of service " + r.serviceDate() + " is in the future."));
    }
    if (r.dischargeDate() != null && r.serviceDate() != null && r.dischargeDate().isBefore(r.serviceDate())) {
      problems.add(new RegistrationProblem("dischargeDate", "The discharge date is before the admission date."));
    }
    if (r.payerId() != null) {
      coverageProblems(r, problems);
    }
    return problems;
  }

  private static void coverageProblems(Registration r, List<RegistrationProblem> problems) {
    if (!r.payerKnown()) {
      problems.add(new RegistrationProblem("coverage.payerId",
          "Payer '" + r.payerId() + "' is not in the master data: correct the payer or add it."));
      return;
    }
    if (blank(r.memberId())) {
      problems.add(new RegistrationProblem("coverage.memberId", "The member id is missing."));
    } else if (r.memberIdPattern() != null && !matches(r.memberIdPattern(), r.memberId())) {
      problems.add(new RegistrationProblem("coverage.memberId",
          "The member id does not have the format payer " + r.payerId() + " issues: check the insurance card."));
    }
    if (blank(r.relationship())) {
      problems.add(new RegistrationProblem("coverage.relationship", "The patient's relationship to the subscriber is missing."));
    }
    if (r.serviceDate() != null) {
      if (r.coverageStart() != null && r.coverageStart().isAfter(r.serviceDate())) {
        problems.add(new RegistrationProblem("coverage.startDate",
            "Coverage starts " + r.coverageStart() + ", after the date of service " + r.serviceDate() + "."));
      }
      if (r.coverageEnd() != null && r.coverageEnd().isBefore(r.serviceDate())) {
        problems.add(new RegistrationProblem("coverage.endDate",
            "Coverage ended " + r.coverageEnd() + ", before the date of service " + r.serviceDate()
                + ": find the current coverage or mark the account self-pay."));
      }
    }
  }

  private static boolean matches(String pattern, String value) {
    try {
      return Pattern.matches(pattern, value);
    } catch (PatternSyntaxException e) {
      return true; // a broken pattern in master data must not hold every claim of the payer
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  record Registration(
      String familyName, String givenName, LocalDate birthDate, String sex, String facilityId, boolean facilityKnown,
      LocalDate serviceDate, LocalDate dischargeDate, String payerId, boolean payerKnown, String memberIdPattern,
      String memberId, String relationship, LocalDate coverageStart, LocalDate coverageEnd) {}
}
