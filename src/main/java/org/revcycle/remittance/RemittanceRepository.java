package org.revcycle.remittance;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payer decisions per claim, as received, and how far each has been taken. */
@Repository
public class RemittanceRepository {

  private final JdbcClient jdbc;

  public RemittanceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<UUID> findSame(ClaimAdjudication a) {
    return jdbc.sql("""
        select id from remittance_claim
        where payer_id = ? and trace_number = ? and payer_claim_number = ? and status_code = ?""")
        .params(a.payerId(), a.traceNumber(), a.payerClaimNumber(), a.statusCode())
        .query(UUID.class).optional();
  }

  UUID insert(ClaimAdjudication a, UUID claimId, String source, Instant receivedAt) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        insert into remittance_claim (id, claim_id, patient_control_number, payer_id, payer_claim_number, status_code,
          charge, paid, patient_responsibility, remark_codes, payment_date, trace_number, source, received_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, claimId, a.patientControlNumber(), a.payerId(), a.payerClaimNumber(), a.statusCode(), a.charge(),
            a.paid(), a.patientResponsibility(), a.remarkCodes().isEmpty() ? null : String.join(",", a.remarkCodes()),
            a.paymentDate(), a.traceNumber(), source, Timestamp.from(receivedAt))
        .update();
    int sequence = 1;
    for (ClaimAdjudication.Adjustment adj : a.adjustments()) {
      jdbc.sql("""
          insert into remittance_adjustment (remittance_id, sequence, group_code, reason_code, amount)
          values (?, ?, ?, ?, ?)""")
          .params(id, sequence++, adj.groupCode(), adj.reasonCode(), adj.amount())
          .update();
    }
    return id;
  }

  /** The oldest remittance for the claim that has not been taken up by its process yet. */
  public Optional<UUID> nextUntakenFor(UUID claimId) {
    return jdbc.sql("""
        select id from remittance_claim where claim_id = ? and correlated_at is null
        order by received_at, id limit 1""")
        .param(claimId).query(UUID.class).optional();
  }

  public void markTaken(UUID remittanceId, Instant at) {
    jdbc.sql("update remittance_claim set correlated_at = ? where id = ?").params(Timestamp.from(at), remittanceId).update();
  }

  void markPosted(UUID remittanceId, Instant at) {
    jdbc.sql("update remittance_claim set posted_at = ? where id = ?").params(Timestamp.from(at), remittanceId).update();
  }

  /** Patient control numbers of remittances that wait for a claim still with the payer. */
  List<String> awaitingTheirProcess(Instant receivedBefore, int limit) {
    return jdbc.sql("""
        select r.patient_control_number from remittance_claim r join claim c on c.id = r.claim_id
        where r.correlated_at is null and r.received_at < ? and c.status in ('SUBMITTED', 'ACCEPTED', 'VOIDING')
        order by r.received_at limit ?""")
        .params(Timestamp.from(receivedBefore), limit)
        .query(String.class).list();
  }

  public StoredRemittance load(UUID remittanceId) {
    java.util.Map<Integer, List<ClaimAdjudication.Adjustment>> byLine = new java.util.HashMap<>();
    List<ClaimAdjudication.Adjustment> adjustments = jdbc.sql("""
        select group_code, reason_code, amount, line_number from remittance_adjustment where remittance_id = ? order by sequence""")
        .param(remittanceId)
        .query((rs, n) -> {
          ClaimAdjudication.Adjustment adj = new ClaimAdjudication.Adjustment(rs.getString(1), rs.getString(2), rs.getBigDecimal(3));
          Integer line = rs.getObject(4, Integer.class);
          if (line != null) {
            byLine.computeIfAbsent(line, k -> new java.util.ArrayList<>()).add(adj);
          }
          return adj;
        })
        .list();
    List<ClaimAdjudication.ServiceLine> lines = jdbc.sql("""
        select line_sequence, claim_line_number, line_control_number, procedure_code, charge, paid
        from remittance_service_line where remittance_id = ? order by line_sequence""")
        .param(remittanceId)
        .query((rs, n) -> new ClaimAdjudication.ServiceLine(rs.getInt(1), rs.getObject(2, Integer.class),
            ServiceLineAllocation.reference(rs.getInt(1), rs.getString(4), rs.getString(3)), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
            rs.getBigDecimal(6), byLine.getOrDefault(rs.getInt(1), List.of())))
        .list();
    return jdbc.sql("""
        select claim_id, patient_control_number, payer_id, payer_claim_number, status_code, charge, paid,
          patient_responsibility, remark_codes, payment_date, trace_number, posted_at, follow_on, file_id
        from remittance_claim where id = ?""")
        .param(remittanceId)
        .query((rs, n) -> new StoredRemittance(remittanceId, rs.getObject(1, UUID.class),
            new ClaimAdjudication(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), adjustments,
                rs.getString(9) == null ? List.of() : Arrays.asList(rs.getString(9).split(",")),
                rs.getObject(10, LocalDate.class), rs.getString(11), lines),
            rs.getTimestamp(12) != null, rs.getBoolean(13), rs.getObject(14, UUID.class)))
        .single();
  }

  /** The latest payer decision on a claim, for the people who work its denial. */
  public Optional<UUID> latestFor(UUID claimId) {
    return jdbc.sql("select id from remittance_claim where claim_id = ? order by received_at desc, id limit 1")
        .param(claimId).query(UUID.class).optional();
  }

  /** The payer class of the claim's payer; null for self-pay. */
  String payerClassOf(UUID claimId) {
    return jdbc.sql("select p.payer_class from claim c join payer p on p.id = c.payer_id where c.id = ?")
        .param(claimId).query(String.class).optional().orElse(null);
  }

  /**
   * @param followOn a secondary or tertiary payment after a primary
   * @param fileId the 835 file it came in, null when taken in one by one
   */
  public record StoredRemittance(UUID id, UUID claimId, ClaimAdjudication adjudication, boolean posted, boolean followOn,
      UUID fileId) {

    public StoredRemittance(UUID id, UUID claimId, ClaimAdjudication adjudication, boolean posted) {
      this(id, claimId, adjudication, posted, false, null);
    }
  }
}
