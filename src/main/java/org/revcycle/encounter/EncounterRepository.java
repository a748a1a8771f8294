package org.revcycle.encounter;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Repository;

/** Patients and encounters as the EHR reported them. */
@Repository
public class EncounterRepository {

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;

  public EncounterRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  public Optional<UUID> findEncounterId(String sourceSystem, String sourceId) {
    return jdbc.sql("select id from encounter where source_system = ? and source_id = ?")
        .params(sourceSystem, sourceId).query(UUID.class).optional();
  }

  /** The patient by MRN, updated to the latest demographics the EHR sent, or created. */
  UUID upsertPatient(String sourceSystem, ClosedEncounter.Patient p) {
    Optional<UUID> existing = jdbc.sql("select id from patient where source_system = ? and mrn = ?")
        .params(sourceSystem, p.mrn()).query(UUID.class).optional();
    if (existing.isPresent()) {
      jdbc.sql("""
          update patient set family_name = ?, given_name = ?, birth_date = ?, sex = ?, address_line = ?, city = ?,
            state = ?, postal_code = ? where id = ?""")
          .params(p.familyName(), p.givenName(), p.birthDate(), p.sex(), p.addressLine(), p.city(), p.state(),
              p.postalCode(), existing.get())
          .update();
      return existing.get();
    }
    UUID id = UUID.randomUUID();
    try {
      // in a savepoint: when another intake inserts the same patient first, only this insert is undone
      savepoint.executeWithoutResult(status -> jdbc.sql("""
          insert into patient (id, source_system, mrn, family_name, given_name, birth_date, sex, address_line, city,
            state, postal_code) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(id, sourceSystem, p.mrn(), p.familyName(), p.givenName(), p.birthDate(), p.sex(), p.addressLine(),
              p.city(), p.state(), p.postalCode())
          .update());
      return id;
    } catch (DuplicateKeyException concurrentFirstVisit) {
      return jdbc.sql("select id from patient where source_system = ? and mrn = ?")
          .params(sourceSystem, p.mrn()).query(UUID.class).single();
    }
  }

  UUID insertEncounter(ClosedEncounter e, UUID patientId, Instant receivedAt) {
    UUID id = UUID.randomUUID();
    ClosedEncounter.Subscriber s = e.coverage() == null ? null : e.coverage().subscriber();
    jdbc.sql("""
        insert into encounter (id, source_system, source_id, facility_id, patient_id, encounter_class, service_date,
          discharge_date, rendering_npi, prior_authorization, received_at, subscriber_family_name,
          subscriber_given_name, subscriber_birth_date, subscriber_sex)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, e.sourceSystem(), e.sourceId(), e.facilityId(), patientId, e.encounterClass().name(),
            e.serviceDate(), e.dischargeDate(), e.renderingProviderNpi(), e.priorAuthorization(),
            Timestamp.from(receivedAt), s == null ? null : s.familyName(), s == null ? null : s.givenName(),
            s == null ? null : s.birthDate(), s == null ? null : s.sex())
        .update();
    return id;
  }

  void insertFindings(UUID encounterId, List<IntakeFinding> findings) {
    int sequence = 1;
    for (IntakeFinding f : findings) {
      jdbc.sql("insert into encounter_finding (encounter_id, sequence, field, message) values (?, ?, ?, ?)")
          .params(encounterId, sequence++, truncate(f.field(), 64), truncate(f.message(), 500))
          .update();
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
