package org.revcycle.sandbox;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.revcycle.claim.ClaimSubmission;
import org.revcycle.claim.ClaimSubmission.Line;
import org.revcycle.claim.ClaimType;
import org.revcycle.encounter.ClosedEncounter;
import org.revcycle.encounter.ClosedEncounter.Charge;
import org.revcycle.sandbox.SandboxNetwork.Facility;
import org.revcycle.sandbox.SandboxNetwork.FacilityType;

/** Builds claims from sandbox encounters the way claim assembly will, for the sandbox tests. */
final class TestClaims {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-14T15:00:00Z"), ZoneOffset.UTC);
  static final LocalDate TODAY = LocalDate.now(CLOCK);

  private TestClaims() {}

  /** Hospitals bill institutional claims, clinics professional ones, under the facility's NPI. */
  static ClaimSubmission claimOf(ClosedEncounter e, SandboxNetwork network) {
    Facility facility = network.facility(e.facilityId()).orElseThrow();
    ClaimType type = facility.type() == FacilityType.HOSPITAL ? ClaimType.INSTITUTIONAL : ClaimType.PROFESSIONAL;
    List<Line> lines = new ArrayList<>();
    for (Charge c : e.charges()) {
      lines.add(new Line(lines.size() + 1, c.procedureCode(), c.modifiersOrEmpty(), c.revenueCode(), c.units(),
          c.amount().setScale(2), c.serviceDate() == null ? e.serviceDate() : c.serviceDate()));
    }
    var coverage = e.coverage();
    return new ClaimSubmission(e.sourceId(), type, "1", null,
        coverage == null ? null : coverage.payerId(), coverage == null ? null : coverage.memberId(),
        coverage == null ? null : coverage.relationship(), coverage == null ? null : coverage.startDate(),
        coverage == null ? null : coverage.endDate(), e.facilityId(), facility.npi(), e.renderingProviderNpi(),
        e.patient().birthDate(), e.patient().sex(), e.serviceDate(), e.dischargeDate(), e.priorAuthorization(),
        e.diagnoses(), List.copyOf(lines));
  }

  /** Claims of the insured encounters (self-pay is billed to the patient, not a payer). */
  static List<ClaimSubmission> claims(SandboxNetwork network, long seed, int encounters, double registrationDefects,
      double codingDefects) {
    SyntheticEncounters generator = new SyntheticEncounters(network, seed, CLOCK, registrationDefects, codingDefects);
    return generator.next(encounters).stream().filter(e -> e.coverage() != null).map(e -> claimOf(e, network)).toList();
  }

  static ClaimSubmission with(ClaimSubmission c, Consumer<Builder> change) {
    Builder b = new Builder(c);
    change.accept(b);
    return b.build();
  }

  static ClaimSubmission replacement(ClaimSubmission c, String frequencyCode, String payerClaimNumber) {
    return with(c, b -> {
      b.frequencyCode = frequencyCode;
      b.payerClaimNumber = payerClaimNumber;
    });
  }

  static Line line(int n, String procedure, String revenueCode, String charge) {
    return new Line(n, procedure, List.of(), revenueCode, BigDecimal.ONE, new BigDecimal(charge), TODAY.minusDays(5));
  }

  /** Mutable copy of a claim, so a test changes only the field it is about. */
  static final class Builder {
    String patientControlNumber;
    ClaimType claimType;
    String frequencyCode;
    String payerClaimNumber;
    String payerId;
    String memberId;
    LocalDate coverageStart;
    LocalDate coverageEnd;
    String billingNpi;
    LocalDate serviceDate;
    LocalDate dischargeDate;
    String priorAuthorization;
    List<String> diagnoses;
    List<Line> lines;
    private final ClaimSubmission c;

    Builder(ClaimSubmission c) {
      this.c = c;
      patientControlNumber = c.patientControlNumber();
      claimType = c.claimType();
      frequencyCode = c.frequencyCode();
      payerClaimNumber = c.payerClaimNumber();
      payerId = c.payerId();
      memberId = c.memberId();
      coverageStart = c.coverageStart();
      coverageEnd = c.coverageEnd();
      billingNpi = c.billingNpi();
      serviceDate = c.serviceDate();
      dischargeDate = c.dischargeDate();
      priorAuthorization = c.priorAuthorization();
      diagnoses = c.diagnoses();
      lines = c.lines();
    }

    ClaimSubmission build() {
      return new ClaimSubmission(patientControlNumber, claimType, frequencyCode, payerClaimNumber, payerId, memberId,
          c.subscriberRelationship(), coverageStart, coverageEnd, c.facilityId(), billingNpi, c.renderingNpi(),
          c.patientBirthDate(), c.patientSex(), serviceDate, dischargeDate, priorAuthorization, diagnoses, lines);
    }
  }
}
