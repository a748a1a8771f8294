package org.revcycle.coding.edits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.revcycle.encounter.ClosedEncounter;
import org.revcycle.sandbox.SandboxNetwork;

/** Claim facts for the edit engine's tests and the benchmark: from sandbox encounters, or by hand. */
public final class EditClaims {

  public static final LocalDate DOS = LocalDate.of(2025, 11, 3);

  private EditClaims() {}

  /** What the charge review reads from the database for the claim of this encounter. */
  public static ClaimFacts of(ClosedEncounter e, SandboxNetwork network, LocalDate today) {
    SandboxNetwork.Facility facility = network.facility(e.facilityId()).orElseThrow();
    boolean hospital = facility.type() == SandboxNetwork.FacilityType.HOSPITAL;
    String payerId = e.coverage() == null ? null : e.coverage().payerId();
    SandboxNetwork.Payer payer = network.payer(payerId).orElse(null);
    String specialty = network.providersAt(e.facilityId()).stream()
        .filter(p -> p.npi().equals(e.renderingProviderNpi())).map(SandboxNetwork.Provider::specialty).findFirst()
        .orElse(null);
    List<ClaimFacts.Line> lines = new ArrayList<>();
    for (ClosedEncounter.Charge c : e.charges()) {
      lines.add(new ClaimFacts.Line(lines.size() + 1, c.procedureCode(), c.modifiersOrEmpty(), c.revenueCode(),
          c.units(), c.amount(), c.serviceDate() == null ? e.serviceDate() : c.serviceDate()));
    }
    return new ClaimFacts(hospital ? "INSTITUTIONAL" : "PROFESSIONAL", payerId,
        payer == null ? "SELF_PAY" : payer.payerClass().name(), payer == null ? 365 : payer.timelyFilingDays(),
        facility.id(), facility.type().name(), specialty, e.encounterClass() == ClosedEncounter.EncounterClass.INPATIENT,
        e.serviceDate(), today, Period.between(e.patient().birthDate(), e.serviceDate()).getYears(), e.patient().sex(),
        e.priorAuthorization() != null, e.totalCharge(), e.diagnoses(), lines);
  }

  /** A clinic claim to Lakeshore Mutual (CMA) for a 45-year-old woman, seen on {@link #DOS}. */
  public static ClaimFacts professional(List<String> diagnoses, ClaimFacts.Line... lines) {
    return claim("PROFESSIONAL", "CMA", "COMMERCIAL", "C07", "CLINIC", 45, "F", false, diagnoses, lines);
  }

  public static ClaimFacts claim(String claimType, String payerId, String payerClass, String facilityId,
      String facilityType, int age, String sex, boolean auth, List<String> diagnoses, ClaimFacts.Line... lines) {
    BigDecimal total = Arrays.stream(lines).map(ClaimFacts.Line::charge).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new ClaimFacts(claimType, payerId, payerClass, 180, facilityId, facilityType, null, false, DOS,
        DOS.plusDays(5), age, sex, auth, total, diagnoses, List.of(lines));
  }

  /** Line n: code, units, modifiers; 100 USD, on {@link #DOS}. */
  public static ClaimFacts.Line line(int n, String code, int units, String... modifiers) {
    return new ClaimFacts.Line(n, code, List.of(modifiers), null, BigDecimal.valueOf(units), new BigDecimal("100.00"), DOS);
  }

  public static ClaimFacts.Line revenueLine(int n, String revenueCode, String code, int units) {
    return new ClaimFacts.Line(n, code, List.of(), revenueCode, BigDecimal.valueOf(units), new BigDecimal("100.00"), DOS);
  }

  public static ReferenceData sampleData() {
    return new ReferenceData(ReferenceFiles.parse(ReferenceDataService.samples()).tables());
  }
}
