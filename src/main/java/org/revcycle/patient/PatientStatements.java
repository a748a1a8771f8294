package org.revcycle.patient;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.revcycle.claim.ClaimRepository;
import org.revcycle.claim.ClaimStatus;
import org.revcycle.ledger.Accounts;
import org.revcycle.ledger.LedgerRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient's statement: only after adjudication (or for self-pay), for what the ledger says
 * the patient owes on the claim, once per claim.
 */
@Service
public class PatientStatements {

  static final int DAYS_TO_PAY = 30;

  private final JdbcClient jdbc;
  private final LedgerRepository ledger;
  private final ClaimRepository claims;
  private final PatientMessaging messaging;
  private final Clock clock;

  public PatientStatements(JdbcClient jdbc, LedgerRepository ledger, ClaimRepository claims,
      PatientMessaging messaging, Clock clock) {
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.claims = claims;
    this.messaging = messaging;
    this.clock = clock;
  }

  @Transactional
  public Optional<UUID> issue(UUID claimId) {
    Optional<UUID> existing = jdbc.sql("select id from patient_statement where claim_id = ?").param(claimId)
        .query(UUID.class).optional();
    if (existing.isPresent()) {
      return existing;
    }
    BigDecimal due = ledger.claimLedger(claimId).net(Accounts.AR_PATIENT);
    Instant now = clock.instant();
    if (due.signum() <= 0) {
      claims.addEvent(claimId, "PATIENT_STATEMENT", "NOTHING_DUE", null, "system", now);
      return Optional.empty();
    }
    UUID patientId = jdbc.sql("select e.patient_id from claim c join encounter e on e.id = c.encounter_id where c.id = ?")
        .param(claimId).query(UUID.class).single();
    // derived from the claim: a retried job sends the same statement, which the vendor sends once
    UUID id = UUID.nameUUIDFromBytes(("statement:" + claimId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    LocalDate dueDate = LocalDate.now(clock).plusDays(DAYS_TO_PAY);
    jdbc.sql("""
        insert into patient_statement (id, claim_id, patient_id, amount_due, issued_at, due_date, channel)
        values (?, ?, ?, ?, ?, ?, 'MAIL')""")
        .params(id, claimId, patientId, due, Timestamp.from(now), dueDate).update();
    String pcn = claims.patientControlNumber(claimId);
    messaging.sendStatement(new PatientMessaging.Statement(id, patientId, pcn, due, dueDate));
    claims.updateStatus(claimId, ClaimStatus.PATIENT_BILLED, now);
    claims.addEvent(claimId, "PATIENT_STATEMENT", "ISSUED", "amount due " + due + ", due " + dueDate, "system", now);
    return Optional.of(id);
  }
}
