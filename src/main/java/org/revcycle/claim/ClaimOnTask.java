package org.revcycle.claim;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.revcycle.ledger.LedgerRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The claim as every task form shows it (read-only fields of processes/forms/*.form): identity,
 * payer, facility, dates and money, current when the task opens; and what the person did,
 * recorded on the claim's timeline when they complete it. No patient name, member id or birth date.
 */
@Service
public class ClaimOnTask {

  /** Form field keys of the claim summary; every form shows them (ModelsTest checks). */
  public static final String PATIENT_CONTROL_NUMBER = "patientControlNumber";
  public static final String CLAIM_TYPE = "claimType";
  public static final String PAYER = "payer";
  public static final String FACILITY = "facility";
  public static final String SERVICE_DATES = "serviceDates";
  public static final String FILE_BY = "fileBy";
  public static final String CHARGE = "claimCharge";
  public static final String PAID = "payerPaid";
  public static final String BALANCE = "claimBalance";

  private final JdbcClient jdbc;
  private final ClaimRepository claims;
  private final LedgerRepository ledger;
  private final Clock clock;

  public ClaimOnTask(JdbcClient jdbc, ClaimRepository claims, LedgerRepository ledger, Clock clock) {
    this.jdbc = jdbc;
    this.claims = claims;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** Field key to display text, in form order. */
  public Map<String, Object> summary(UUID claimId) {
    Map<String, Object> fields = jdbc.sql("""
        select c.patient_control_number, c.claim_type, c.frequency_code, c.payer_id, py.name, py.timely_filing_days,
          e.facility_id, f.name, e.service_date, e.discharge_date
        from claim c join encounter e on e.id = c.encounter_id
        left join payer py on py.id = c.payer_id left join facility f on f.id = e.facility_id
        where c.id = ?""")
        .param(claimId)
        .query((rs, n) -> {
          Map<String, Object> f = new LinkedHashMap<>();
          LocalDate service = rs.getObject(9, LocalDate.class);
          LocalDate discharge = rs.getObject(10, LocalDate.class);
          f.put(PATIENT_CONTROL_NUMBER, rs.getString(1));
          f.put(CLAIM_TYPE, ("PROFESSIONAL".equals(rs.getString(2)) ? "Professional (837P)" : "Institutional (837I)")
              + ("7".equals(rs.getString(3)) ? ", replacement claim" : ""));
          f.put(PAYER, rs.getString(4) == null ? "Self-pay" : rs.getString(4) + " · " + nullToEmpty(rs.getString(5)));
          f.put(FACILITY, rs.getString(7) + " · " + nullToEmpty(rs.getString(8)));
          f.put(SERVICE_DATES, discharge == null || discharge.equals(service) ? service.toString()
              : service + " to " + discharge);
          if (rs.getString(4) != null) {
            LocalDate deadline = service.plusDays(rs.getInt(6));
            long daysLeft = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(clock), deadline);
            f.put(FILE_BY, deadline + (daysLeft >= 0 ? " (" + daysLeft + " days left)" : " (passed)"));
          } else {
            f.put(FILE_BY, "no payer");
          }
          return f;
        })
        .optional()
        .orElseThrow(() -> new IllegalStateException("Claim " + claimId + " does not exist"));
    ClaimAmounts amounts = ClaimAmounts.of(ledger.claimLedger(claimId));
    BigDecimal charge = claims.summary(claimId).map(ClaimSummary::totalCharge).orElse(amounts.charge());
    fields.put(CHARGE, usd(charge));
    fields.put(PAID, usd(amounts.payerPaid()));
    fields.put(BALANCE, usd(amounts.balance()));
    return fields;
  }

  /** The person's note (if any) on the claim's timeline, under the task they completed. */
  public void recordCompleted(UUID claimId, String taskName, String note, String user) {
    String detail = taskName + (note == null || note.isBlank() ? "" : ": " + note.strip());
    claims.addEvent(claimId, "TASK", "COMPLETED", ClaimSubmissions.truncate(detail), user == null ? "unknown" : user,
        clock.instant());
  }

  private static String usd(BigDecimal amount) {
    return String.format("%,.2f USD", amount);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
