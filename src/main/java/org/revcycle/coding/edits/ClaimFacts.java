package org.revcycle.coding.edits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the payer edits look at: one claim with its coverage, facility, patient and lines, as the
 * charge review reads it from the database (or a test or the benchmark builds it).
 *
 * @param payerId null for self-pay
 * @param payerClass MEDICARE, MEDICAID, COMMERCIAL or SELF_PAY
 * @param timelyFilingDays the payer's filing limit (payer.timely_filing_days)
 * @param specialty the rendering provider's specialty, null when unknown
 * @param patientAge whole years on the first date of service
 * @param patientSex F, M or U
 */
public record ClaimFacts(
    String claimType, String payerId, String payerClass, int timelyFilingDays, String facilityId, String facilityType,
    String specialty, boolean inpatient, LocalDate serviceDate, LocalDate today, int patientAge, String patientSex,
    boolean hasPriorAuthorization, BigDecimal totalCharge, List<String> diagnoses, List<Line> lines) {

  public ClaimFacts {
    diagnoses = List.copyOf(diagnoses);
    lines = List.copyOf(lines);
  }

  /** One service line. Modifiers in the order billed; units as billed. */
  public record Line(int lineNumber, String procedureCode, List<String> modifiers, String revenueCode, BigDecimal units,
      BigDecimal charge, LocalDate serviceDate) {

    public Line {
      modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
    }
  }

  public boolean selfPay() {
    return payerId == null;
  }

  public int daysLeftToFile() {
    return (int) (timelyFilingDays - ChronoUnit.DAYS.between(serviceDate, today));
  }

  /** The variables decisions/payer-edits.dmn reads. */
  public Map<String, Object> decisionInputs() {
    Map<String, Object> in = new HashMap<>(32);
    in.put("payerId", payerId);
    in.put("payerClass", payerClass);
    in.put("claimType", claimType);
    in.put("inpatient", inpatient);
    in.put("facilityId", facilityId);
    in.put("facilityType", facilityType);
    in.put("specialty", specialty);
    in.put("hasPriorAuthorization", hasPriorAuthorization);
    in.put("daysLeftToFile", daysLeftToFile());
    in.put("timelyFilingDays", timelyFilingDays);
    in.put("totalCharge", totalCharge.doubleValue());
    in.put("patientAge", patientAge);
    in.put("diagnosisCount", diagnoses.size());
    int noProcedure = 0;
    int noRevenue = 0;
    for (Line line : lines) {
      if (line.procedureCode() == null) {
        noProcedure++;
      }
      if (line.revenueCode() == null) {
        noRevenue++;
      }
    }
    in.put("linesWithoutProcedureCode", noProcedure);
    in.put("linesWithoutRevenueCode", noRevenue);
    return in;
  }
}
