package org.revcycle.encounter;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.revcycle.claim.ClaimRepository;
import org.revcycle.claim.ClaimStatus;
import org.revcycle.claim.ClaimSubmission;
import org.revcycle.claim.ClaimType;
import org.revcycle.ledger.Accounts;
import org.revcycle.ledger.JournalEntry;
import org.revcycle.ledger.JournalLine;
import org.revcycle.ledger.Ledger;
import org.revcycle.platform.InboundMessages;
import org.revcycle.remittance.OtherCoverages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in a closed encounter: stores it once (by its source id), builds the claim, posts the
 * charge, and starts encounter to cash, all in one transaction: either all of it happens or none.
 */
@Service
public class EncounterIntake {

  private final EncounterRepository encounters;
  private final InboundMessages inbound;
  private final ClaimRepository claims;
  private final Ledger ledger;
  private final EncounterToCashWorkflow workflow;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final OtherCoverages otherCoverages;

  public EncounterIntake(EncounterRepository encounters, InboundMessages inbound, ClaimRepository claims,
      Ledger ledger, EncounterToCashWorkflow workflow, JdbcClient jdbc, Clock clock, OtherCoverages otherCoverages) {
    this.otherCoverages = otherCoverages;
    this.encounters = encounters;
    this.inbound = inbound;
    this.claims = claims;
    this.ledger = ledger;
    this.workflow = workflow;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public record IntakeResult(UUID claimId, String patientControlNumber, boolean created) {}

  /**
   * @param inboundMessageId the record of what was received; marked taken in this transaction
   * @param findings what the EHR adapter found missing or contradictory; the registration check lists them
   */
  @Transactional
  public IntakeResult receive(ClosedEncounter e, UUID inboundMessageId, List<IntakeFinding> findings) {
    String sourceKey = e.sourceSystem() + "/" + e.sourceId();
    Optional<UUID> existing = encounters.findEncounterId(e.sourceSystem(), e.sourceId());
    if (existing.isPresent()) {
      UUID claimId = claims.findIdByEncounter(existing.get()).orElseThrow();
      inbound.markTaken(inboundMessageId, true, sourceKey);
      return new IntakeResult(claimId, claims.patientControlNumber(claimId), false);
    }
    Instant now = clock.instant();
    UUID patientId = encounters.upsertPatient(e.sourceSystem(), e.patient());
    UUID encounterId = encounters.insertEncounter(e, patientId, now);
    List<IntakeFinding> allFindings = new ArrayList<>(findings);
    List<OtherCoverages.Coverage> payersAfterPrimary = payersAfterPrimary(e, allFindings);
    encounters.insertFindings(encounterId, allFindings);

    UUID claimId = UUID.randomUUID();
    String pcn = patientControlNumber(claimId);
    boolean selfPay = e.coverage() == null;
    var coverage = e.coverage();
    claims.insert(new ClaimRepository.NewClaim(claimId, pcn, encounterId, claimType(e.facilityId()),
        selfPay ? null : coverage.payerId(), selfPay ? null : coverage.memberId(),
        selfPay ? null : coverage.groupNumber(), selfPay ? null : coverage.relationship(),
        selfPay ? null : coverage.startDate(), selfPay ? null : coverage.endDate(),
        e.totalCharge(), e.diagnoses(), lines(e)), ClaimStatus.RECEIVED, now);
    claims.addEvent(claimId, "INTAKE", "RECEIVED", e.charges().size() + " charge lines from " + e.sourceSystem(),
        "system", now);
    if (!payersAfterPrimary.isEmpty()) {
      // coordination of benefits from the start: what the primary leaves to the patient goes on to these payers
      otherCoverages.replace(claimId, payersAfterPrimary, "intake");
    }

    // Revenue at gross charges; what the payer will not pay is adjusted when it says so.
    String receivable = selfPay ? Accounts.AR_PATIENT : Accounts.AR_INSURANCE;
    BigDecimal total = e.totalCharge();
    if (total.signum() > 0) {
      // one pair per claim line, so that what the payer decides per service line ties to that line's charge
      List<JournalLine> chargeLines = new ArrayList<>();
      for (ClaimSubmission.Line line : lines(e)) {
        if (line.charge().signum() > 0) {
          String memo = "line " + line.lineNumber();
          chargeLines.add(JournalLine.signed(receivable, line.charge(), memo, null, line.lineNumber(), null, null));
          chargeLines.add(JournalLine.signed(Accounts.GROSS_REVENUE, line.charge().negate(), memo, null, line.lineNumber(), null, null));
        }
      }
      ledger.post(new JournalEntry(UUID.randomUUID(), e.serviceDate(), "Charges for claim " + pcn, "CHARGE", pcn,
          claimId, "system", "charge:" + pcn, chargeLines));
    }
    workflow.start(claimId, pcn, selfPay);
    inbound.markTaken(inboundMessageId, false, sourceKey);
    return new IntakeResult(claimId, pcn, true);
  }

  /**
   * The encounter's secondary and tertiary coverage as the claim can record it: a payer that is not
   * known, is the primary, or is listed twice is left out with a finding, so the registration check
   * puts it before a person instead of refusing the encounter.
   */
  private List<OtherCoverages.Coverage> payersAfterPrimary(ClosedEncounter e, List<IntakeFinding> findings) {
    List<OtherCoverages.Coverage> kept = new ArrayList<>();
    List<ClosedEncounter.Coverage> others = e.otherCoveragesOrEmpty();
    for (int i = 0; i < others.size(); i++) {
      ClosedEncounter.Coverage other = others.get(i);
      String field = "otherCoverages[" + i + "].payerId";
      if (e.coverage() == null) {
        findings.add(new IntakeFinding(field, "The encounter has other coverage but no primary coverage: "
            + "say which coverage pays first."));
      } else if (other.payerId().equals(e.coverage().payerId())) {
        findings.add(new IntakeFinding(field, "The other coverage is with the primary payer " + other.payerId()
            + " again: remove it or correct the payer."));
      } else if (kept.stream().anyMatch(k -> k.payerId().equals(other.payerId()))) {
        findings.add(new IntakeFinding(field, "Payer " + other.payerId() + " is listed twice as other coverage."));
      } else if (jdbc.sql("select count(*) from payer where id = ?").param(other.payerId()).query(Integer.class).single() == 0) {
        findings.add(new IntakeFinding(field, "The other coverage's payer " + other.payerId()
            + " is not in the master data: add the payer or correct the coverage."));
      } else {
        kept.add(new OtherCoverages.Coverage(other.payerId(), other.memberId()));
      }
    }
    return kept;
  }

  /** CLM01: short enough for every payer's system (many keep only 20 characters). */
  static String patientControlNumber(UUID claimId) {
    return "RC" + claimId.toString().replace("-", "").substring(0, 14).toUpperCase(Locale.ROOT);
  }

  private ClaimType claimType(String facilityId) {
    String type = jdbc.sql("select facility_type from facility where id = ?").param(facilityId)
        .query(String.class).optional().orElse("CLINIC");
    return "HOSPITAL".equals(type) ? ClaimType.INSTITUTIONAL : ClaimType.PROFESSIONAL;
  }

  private static List<ClaimSubmission.Line> lines(ClosedEncounter e) {
    List<ClaimSubmission.Line> lines = new ArrayList<>();
    int n = 1;
    for (ClosedEncounter.Charge c : e.charges()) {
      lines.add(new ClaimSubmission.Line(n++, c.procedureCode(), c.modifiersOrEmpty(), c.revenueCode(), c.units(),
          c.amount().setScale(2), c.serviceDate() == null ? e.serviceDate() : c.serviceDate()));
    }
    return lines;
  }
}
