package org.revcycle.support;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.List;
import org.revcycle.encounter.EncounterToCashWorkflow;
import org.revcycle.ledger.Accounts;
import org.revcycle.ledger.JournalEntry;
import org.revcycle.ledger.JournalLine;
import org.revcycle.ledger.Ledger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Claims that a payer edit holds for coders: registration complete, one office visit line, but no
 * diagnosis code (edit E-DX-MISSING). Written straight to the tables, because intake refuses an
 * encounter without diagnoses; the charge is posted and encounter-to-cash started as intake does.
 */
public final class CodingEditClaims {

  private final JdbcClient jdbc;
  private final Ledger ledger;
  private final EncounterToCashWorkflow workflow;

  public CodingEditClaims(JdbcClient jdbc, Ledger ledger, EncounterToCashWorkflow workflow) {
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.workflow = workflow;
  }

  public record Held(UUID claimId, String patientControlNumber) {}

  public Held startWithoutDiagnosis(BigDecimal charge) {
    UUID patientId = UUID.randomUUID();
    UUID encounterId = UUID.randomUUID();
    UUID claimId = UUID.randomUUID();
    String pcn = "PCN-" + claimId.toString().substring(0, 8).toUpperCase();
    Timestamp now = Timestamp.from(Instant.now());
    LocalDate serviceDate = LocalDate.now().minusDays(3);
    jdbc.sql("""
        insert into patient (id, source_system, mrn, family_name, given_name, birth_date, sex)
        values (?, 'test', ?, 'Testperson', 'Pat', ?, 'F')""")
        .params(patientId, patientId.toString(), LocalDate.of(1970, 1, 1)).update();
    jdbc.sql("""
        insert into encounter (id, source_system, source_id, facility_id, patient_id, encounter_class, service_date, received_at)
        values (?, 'test', ?, 'C01', ?, 'AMBULATORY', ?, ?)""")
        .params(encounterId, encounterId.toString(), patientId, serviceDate, now).update();
    jdbc.sql("""
        insert into claim (id, patient_control_number, encounter_id, claim_type, payer_id, member_id, subscriber_relationship,
          coverage_start, status, total_charge, created_at, updated_at)
        values (?, ?, ?, 'PROFESSIONAL', 'CMA', 'LMH123456789', 'SELF', ?, 'RECEIVED', ?, ?, ?)""")
        .params(claimId, pcn, encounterId, serviceDate.minusYears(1), charge, now, now)
        .update();
    jdbc.sql("""
        insert into claim_line (claim_id, line_number, procedure_code, units, charge, service_date)
        values (?, 1, '99213', 1, ?, ?)""")
        .params(claimId, charge, serviceDate).update();
    // the charge in receivables, as intake posts it, so that the claim can be paid and closed
    ledger.post(new JournalEntry(UUID.randomUUID(), serviceDate, "Charges for claim " + pcn, "CHARGE", pcn, claimId,
        "system", "charge:" + pcn, List.of(JournalLine.debit(Accounts.AR_INSURANCE, charge, null),
            JournalLine.credit(Accounts.GROSS_REVENUE, charge, null))));
    workflow.start(claimId, pcn, false);
    return new Held(claimId, pcn);
  }
}
