package org.revcycle.claim;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Claims waiting for a batch, the batches (the 837 files as sent) and what the 999 and 277CA said of each claim. */
@Repository
public class ClaimBatchRepository {

  private final JdbcClient jdbc;

  public ClaimBatchRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One claim submission: queued, then in a batch with the ST02 of its set, then acknowledged. */
  public record Item(UUID id, UUID claimId, String patientControlNumber, String payerId, ClaimType claimType,
      String frequencyCode, UUID batchId, String transactionControlNumber, String functionalStatus,
      String claimStatusCategory) {}

  /** A batch file as sent, with its envelope's control numbers. */
  public record Batch(UUID id, String payerId, ClaimType claimType, String fileName, String interchangeControlNumber,
      String groupControlNumber, byte[] content, String status) {}

  /** The parties an 837 names besides the claim's own facts (patient data: never logged). */
  public record Parties(String patientFamilyName, String patientGivenName, String addressLine, String city, String state,
      String postalCode, String subscriberFamilyName, String subscriberGivenName, LocalDate subscriberBirthDate,
      String subscriberSex, String groupNumber, String payerName, String payerClass, String facilityName,
      String facilityTaxId, String facilityCity, String facilityState, String placeOfService, String renderingName,
      String renderingTaxonomy) {}

  public void queue(UUID claimId, ClaimSubmission submission, Instant now) {
    jdbc.sql("""
        insert into claim_batch_item (id, claim_id, patient_control_number, payer_id, claim_type, frequency_code, queued_at)
        values (?, ?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID(), claimId, submission.patientControlNumber(), submission.payerId(),
            submission.claimType().name(), submission.frequencyCode(), Timestamp.from(now))
        .update();
  }

  /** Payer and claim type of every group of claims waiting for a batch, with how many wait. */
  public record Waiting(String payerId, ClaimType claimType, int claims) {}

  public List<Waiting> waiting() {
    return jdbc.sql("""
        select payer_id, claim_type, count(*) from claim_batch_item where batch_id is null
        group by payer_id, claim_type order by payer_id, claim_type""")
        .query((rs, n) -> new Waiting(rs.getString(1), ClaimType.valueOf(rs.getString(2)), rs.getInt(3)))
        .list();
  }

  /** The oldest waiting claims of one payer and claim type, locked so that two nodes never batch the same claim. */
  public List<Item> takeWaiting(String payerId, ClaimType type, int limit) {
    return jdbc.sql("""
        select id, claim_id, patient_control_number, payer_id, claim_type, frequency_code, batch_id,
          transaction_control_number, functional_status, claim_status_category
        from claim_batch_item where batch_id is null and payer_id = ? and claim_type = ?
        order by queued_at, patient_control_number limit ? for update""")
        .params(payerId, type.name(), limit)
        .query(ClaimBatchRepository::item)
        .list();
  }

  public void insertBatch(Batch batch, String sha256, int claims, Instant now) {
    jdbc.sql("""
        insert into claim_batch (id, payer_id, claim_type, file_name, interchange_control_number, group_control_number,
          content, sha256, claim_count, status, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'READY', ?)""")
        .params(batch.id(), batch.payerId(), batch.claimType().name(), batch.fileName(), batch.interchangeControlNumber(),
            batch.groupControlNumber(), new String(batch.content(), java.nio.charset.StandardCharsets.US_ASCII), sha256,
            claims, Timestamp.from(now))
        .update();
  }

  public void assign(UUID itemId, UUID batchId, String transactionControlNumber) {
    jdbc.sql("update claim_batch_item set batch_id = ?, transaction_control_number = ? where id = ?")
        .params(batchId, transactionControlNumber, itemId).update();
  }

  public Optional<Batch> batch(UUID batchId) {
    return jdbc.sql("""
        select id, payer_id, claim_type, file_name, interchange_control_number, group_control_number, content, status
        from claim_batch where id = ?""")
        .param(batchId)
        .query((rs, n) -> new Batch(rs.getObject(1, UUID.class), rs.getString(2), ClaimType.valueOf(rs.getString(3)),
            rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getString(7).getBytes(java.nio.charset.StandardCharsets.US_ASCII), rs.getString(8)))
        .optional();
  }

  public void markUploaded(UUID batchId, Instant now) {
    jdbc.sql("update claim_batch set status = 'UPLOADED', uploaded_at = coalesce(uploaded_at, ?) where id = ? and status = 'READY'")
        .params(Timestamp.from(now), batchId).update();
  }

  public void markAcknowledged(UUID batchId) {
    jdbc.sql("update claim_batch set status = 'ACKNOWLEDGED' where id = ?").param(batchId).update();
  }

  /** The batch a 999 answers: its group control number (AK102 = the GS06 we sent). */
  public Optional<UUID> batchByGroup(String groupControlNumber) {
    return jdbc.sql("select id from claim_batch where group_control_number = ? order by created_at desc")
        .param(groupControlNumber).query(UUID.class).optional();
  }

  public List<Item> items(UUID batchId) {
    return jdbc.sql("""
        select id, claim_id, patient_control_number, payer_id, claim_type, frequency_code, batch_id,
          transaction_control_number, functional_status, claim_status_category
        from claim_batch_item where batch_id = ? order by transaction_control_number""")
        .param(batchId).query(ClaimBatchRepository::item).list();
  }

  /** The latest submission of the claim with this patient control number that went out in a batch. */
  public Optional<Item> latestSent(String patientControlNumber) {
    return jdbc.sql("""
        select id, claim_id, patient_control_number, payer_id, claim_type, frequency_code, batch_id,
          transaction_control_number, functional_status, claim_status_category
        from claim_batch_item where patient_control_number = ? and batch_id is not null
        order by queued_at desc limit 1""")
        .param(patientControlNumber).query(ClaimBatchRepository::item).optional();
  }

  public void recordFunctional(UUID itemId, String status, Instant now) {
    jdbc.sql("update claim_batch_item set functional_status = ?, functional_at = ? where id = ?")
        .params(status, Timestamp.from(now), itemId).update();
  }

  public void recordClaimStatus(UUID itemId, String category, String payerClaimNumber, Instant now) {
    jdbc.sql("update claim_batch_item set claim_status_category = ?, claim_status_at = ?, payer_claim_number = ? where id = ?")
        .params(category, Timestamp.from(now), payerClaimNumber, itemId).update();
  }

  public Parties parties(UUID claimId) {
    return jdbc.sql("""
        select p.family_name, p.given_name, p.address_line, p.city, p.state, p.postal_code,
          e.subscriber_family_name, e.subscriber_given_name, e.subscriber_birth_date, e.subscriber_sex, c.group_number,
          y.name, y.payer_class, f.name, f.tax_id, f.city, f.state, f.place_of_service, r.name, r.taxonomy_code
        from claim c join encounter e on e.id = c.encounter_id join patient p on p.id = e.patient_id
        left join payer y on y.id = c.payer_id left join facility f on f.id = e.facility_id
        left join provider r on r.npi = e.rendering_npi
        where c.id = ?""")
        .param(claimId)
        .query((rs, n) -> new Parties(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class), rs.getString(10),
            rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16),
            rs.getString(17), rs.getString(18), rs.getString(19), rs.getString(20)))
        .single();
  }

  private static Item item(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Item(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
        ClaimType.valueOf(rs.getString(5)), rs.getString(6), rs.getObject(7, UUID.class), rs.getString(8),
        rs.getString(9), rs.getString(10));
  }
}
