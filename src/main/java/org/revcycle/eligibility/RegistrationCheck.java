package org.revcycle.eligibility;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Catches registration problems before a claim is built: a claim that would be rejected for
 * missing or impossible registration data becomes a task now, not a denial weeks later.
 */
@Service
public class RegistrationCheck {

  private final JdbcClient jdbc;
  private final Clock clock;

  public RegistrationCheck(JdbcClient jdbc, Optional<Clock> clock) {
    this.jdbc = jdbc;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  public List<RegistrationProblem> check(UUID claimId) {
    Registration registration =
        jdbc.sql(
                """
                select e.patient_id, e.facility_id, e.service_date, e.discharge_date, c.payer_id
                from claim c join encounter e on e.id = c.encounter_id where c.id = ?""")
            .param(claimId)
            .query(
                (rs, n) ->
                    new Registration(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5)))
            .optional()
            .orElseThrow(() -> new IllegalStateException("Claim " + claimId + " does not exist"));
    return problems(registration, LocalDate.now(clock));
  }

  static List<RegistrationProblem> problems(Registration r, LocalDate today) {
    List<RegistrationProblem> problems = new ArrayList<>();
    if (blank(r.patientId())) {
      problems.add(new RegistrationProblem("patient", "The encounter names no patient."));
    }
    if (blank(r.facilityId())) {
      problems.add(new RegistrationProblem("facility", "The encounter names no facility."));
    }
    if (blank(r.payerId())) {
      problems.add(new RegistrationProblem("coverage", "No payer is on file: add the patient's coverage or mark self-pay."));
    }
    if (r.serviceDate() != null && r.serviceDate().isAfter(today)) {
      problems.add(new RegistrationProblem("serviceDate", "The date of service " + r.serviceDate() + " is in the future."));
    }
    if (r.dischargeDate() != null && r.serviceDate() != null && r.dischargeDate().isBefore(r.serviceDate())) {
      problems.add(new RegistrationProblem("dischargeDate", "The discharge date is before the admission date."));
    }
    return problems;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  record Registration(
      String patientId, String facilityId, LocalDate serviceDate, LocalDate dischargeDate, String payerId) {}
}
