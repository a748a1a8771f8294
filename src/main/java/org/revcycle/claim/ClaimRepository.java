package org.revcycle.claim;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Claims, their lines, diagnoses, timeline and decisions. */
@Repository
public class ClaimRepository {

  private final JdbcClient jdbc;

  public ClaimRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record NewClaim(
      UUID id, String patientControlNumber, UUID encounterId, ClaimType claimType, String payerId, String memberId,
      String groupNumber, String subscriberRelationship, LocalDate coverageStart, LocalDate coverageEnd,
      BigDecimal totalCharge, List<String> diagnoses, List<ClaimSubmission.Line> lines) {}

  public void insert(NewClaim c, ClaimStatus status, Instant now) {
    jdbc.sql("""
        insert into claim (id, patient_control_number, encounter_id, claim_type, payer_id, member_id, group_number,
          subscriber_relationship, coverage_start, coverage_end, status, total_charge, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(c.id(), c.patientControlNumber(), c.encounterId(), c.claimType().name(), c.payerId(), c.memberId(),
            c.groupNumber(), c.subscriberRelationship(), c.coverageStart(), c.coverageEnd(), status.name(),
            c.totalCharge(), Timestamp.from(now), Timestamp.from(now))
        .update();
    int sequence = 1;
    for (String code : c.diagnoses()) {
      jdbc.sql("insert into claim_diagnosis (claim_id, sequence, code) values (?, ?, ?)")
          .params(c.id(), sequence++, code).update();
    }
    for (ClaimSubmission.Line l : c.lines()) {
      jdbc.sql("""
          insert into claim_line (claim_id, line_number, procedure_code, modifiers, revenue_code, units, charge, service_date)
          values (?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(c.id(), l.lineNumber(), l.procedureCode(),
              l.modifiers().isEmpty() ? null : String.join(",", l.modifiers()), l.revenueCode(), l.units(), l.charge(),
              l.serviceDate())
          .update();
    }
  }

  public Optional<UUID> findIdByEncounter(UUID encounterId) {
    return jdbc.sql("select id from claim where encounter_id = ?").param(encounterId).query(UUID.class).optional();
  }

  public Optional<UUID> findIdByPatientControlNumber(String pcn) {
    return jdbc.sql("select id from claim where patient_control_number = ?").param(pcn).query(UUID.class).optional();
  }

  public String patientControlNumber(UUID claimId) {
    return jdbc.sql("select patient_control_number from claim where id = ?").param(claimId).query(String.class).single();
  }

  public void updateStatus(UUID claimId, ClaimStatus status, Instant now) {
    jdbc.sql("update claim set status = ?, updated_at = ?, closed_at = case when ? then ? else closed_at end where id = ?")
        .params(status.name(), Timestamp.from(now), isFinal(status), Timestamp.from(now), claimId)
        .update();
  }

  private static boolean isFinal(ClaimStatus status) {
    return status == ClaimStatus.CLOSED || status == ClaimStatus.WRITTEN_OFF || status == ClaimStatus.VOIDED;
  }

  /** One more submission, and what the clearinghouse answered (ACCEPTED or REJECTED); an accepted void stays VOIDING. */
  public void recordSubmission(UUID claimId, ClaimStatus outcome, Instant now) {
    jdbc.sql("""
        update claim set submission_count = submission_count + 1,
          status = case when frequency_code = '8' and ? = 'ACCEPTED' then 'VOIDING' else ? end, updated_at = ? where id = ?""")
        .params(outcome.name(), outcome.name(), Timestamp.from(now), claimId).update();
  }

  /** A void (CLM05-3 = 8) of the payer's claim number: the claim is on its way to being voided. */
  public void markVoid(UUID claimId, String payerClaimNumber, Instant now) {
    jdbc.sql("update claim set frequency_code = '8', payer_claim_number = ?, status = ?, updated_at = ? where id = ?")
        .params(payerClaimNumber, ClaimStatus.VOIDING.name(), Timestamp.from(now), claimId).update();
  }

  /** Whether a payer's decision (not a reversal) on the claim has been posted: the payer adjudicated it. */
  public boolean adjudicated(UUID claimId) {
    return jdbc.sql("""
        select count(*) from remittance_claim where claim_id = ? and posted_at is not null and status_code <> '22'""")
        .param(claimId).query(Integer.class).single() > 0;
  }

  /** A replacement claim (CLM05-3 = 7) of the payer's claim number, after a correction. */
  public void markReplacement(UUID claimId, String payerClaimNumber) {
    jdbc.sql("update claim set frequency_code = '7', payer_claim_number = ? where id = ?")
        .params(payerClaimNumber, claimId).update();
  }

  public void setPayerClaimNumber(UUID claimId, String payerClaimNumber) {
    jdbc.sql("update claim set payer_claim_number = ? where id = ?").params(payerClaimNumber, claimId).update();
  }

  /** One line for task forms: identifies the claim without patient details. */
  public String summaryText(UUID claimId) {
    return jdbc.sql("""
        select c.patient_control_number, coalesce(c.payer_id, 'self-pay'), e.facility_id, e.service_date, c.total_charge,
          c.claim_type
        from claim c join encounter e on e.id = c.encounter_id where c.id = ?""")
        .param(claimId)
        .query((rs, n) -> rs.getString(1) + " · " + rs.getString(6).toLowerCase() + " · payer " + rs.getString(2)
            + " · facility " + rs.getString(3) + " · service " + rs.getObject(4, LocalDate.class) + " · charge "
            + rs.getBigDecimal(5).toPlainString())
        .single();
  }

  public void addEvent(UUID claimId, String stage, String outcome, String detail, String actor, Instant at) {
    jdbc.sql("insert into claim_event (id, claim_id, stage, outcome, detail, actor, at) values (?, ?, ?, ?, ?, ?, ?)")
        .params(UUID.randomUUID(), claimId, stage, outcome, detail, actor, Timestamp.from(at))
        .update();
  }

  public UUID addDecision(UUID claimId, String decisionKey, int version, String ruleId, String outcome, Instant at) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        insert into claim_decision (id, claim_id, decision_key, decision_version, rule_id, outcome, decided_at)
        values (?, ?, ?, ?, ?, ?, ?)""")
        .params(id, claimId, decisionKey, version, ruleId, outcome, Timestamp.from(at))
        .update();
    return id;
  }

  /** The claim's payer's timely filing limit in days from the date of service; empty for self-pay. */
  public java.util.OptionalInt timelyFilingDays(UUID claimId) {
    return jdbc.sql("select p.timely_filing_days from claim c join payer p on p.id = c.payer_id where c.id = ?")
        .param(claimId).query(Integer.class).optional()
        .map(java.util.OptionalInt::of).orElse(java.util.OptionalInt.empty());
  }

  /** The facts a clearinghouse needs for this claim. */
  public ClaimSubmission submission(UUID claimId) {
    List<String> diagnoses = jdbc.sql("select code from claim_diagnosis where claim_id = ? order by sequence")
        .param(claimId).query(String.class).list();
    List<ClaimSubmission.Line> lines = jdbc.sql("""
        select line_number, procedure_code, modifiers, revenue_code, units, charge, service_date
        from claim_line where claim_id = ? order by line_number""")
        .param(claimId)
        .query((rs, n) -> new ClaimSubmission.Line(rs.getInt(1), rs.getString(2),
            rs.getString(3) == null ? List.of() : Arrays.asList(rs.getString(3).split(",")), rs.getString(4),
            rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getObject(7, LocalDate.class)))
        .list();
    return jdbc.sql("""
        select c.patient_control_number, c.claim_type, c.frequency_code, c.payer_claim_number, c.payer_id, c.member_id,
          c.subscriber_relationship, c.coverage_start, c.coverage_end, e.facility_id, f.npi, e.rendering_npi,
          p.birth_date, p.sex, e.service_date, e.discharge_date, e.prior_authorization
        from claim c join encounter e on e.id = c.encounter_id join patient p on p.id = e.patient_id
        left join facility f on f.id = e.facility_id
        where c.id = ?""")
        .param(claimId)
        .query((rs, n) -> new ClaimSubmission(rs.getString(1), ClaimType.valueOf(rs.getString(2)), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
            rs.getObject(9, LocalDate.class), rs.getString(10), rs.getString(11), rs.getString(12),
            rs.getObject(13, LocalDate.class), rs.getString(14), rs.getObject(15, LocalDate.class),
            rs.getObject(16, LocalDate.class), rs.getString(17), diagnoses, lines))
        .single();
  }

  public List<ClaimView.Line> lines(UUID claimId) {
    return jdbc.sql("""
        select line_number, procedure_code, modifiers, revenue_code, units, charge, service_date
        from claim_line where claim_id = ? order by line_number""")
        .param(claimId)
        .query((rs, n) -> new ClaimView.Line(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getObject(7, LocalDate.class)))
        .list();
  }

  public List<String> diagnoses(UUID claimId) {
    return jdbc.sql("select code from claim_diagnosis where claim_id = ? order by sequence")
        .param(claimId).query(String.class).list();
  }

  public List<ClaimView.Event> events(UUID claimId) {
    return jdbc.sql("select stage, outcome, detail, actor, at from claim_event where claim_id = ? order by at, id")
        .param(claimId)
        .query((rs, n) -> new ClaimView.Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant()))
        .list();
  }

  public List<ClaimView.Decision> decisions(UUID claimId) {
    return jdbc.sql("""
        select decision_key, decision_version, rule_id, outcome, decided_at from claim_decision
        where claim_id = ? order by decided_at, id""")
        .param(claimId)
        .query((rs, n) -> new ClaimView.Decision(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant()))
        .list();
  }

  /** The payer edits of every review, newest first, with what produced each. */
  public List<ClaimView.Edit> edits(UUID claimId) {
    return jdbc.sql("""
        select e.edit_code, e.severity, e.exception_type, e.message, e.suggested_fix, e.line_number, e.queue, e.priority,
          d.decision_key, d.decision_version, d.rule_id, e.reference_table, e.reference_row, e.reference_version,
          e.created_at, e.resolved_at
        from claim_edit e left join claim_decision d on d.id = e.decision_id
        where e.claim_id = ? order by e.created_at desc, e.line_number, e.edit_code""")
        .param(claimId)
        .query((rs, n) -> new ClaimView.Edit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), (Integer) rs.getObject(6), rs.getString(7), (Integer) rs.getObject(8), rs.getString(9),
            (Integer) rs.getObject(10), rs.getString(11), rs.getString(12),
            rs.getObject(13) == null ? null : rs.getLong(13), rs.getString(14), rs.getTimestamp(15).toInstant(),
            rs.getTimestamp(16) == null ? null : rs.getTimestamp(16).toInstant()))
        .list();
  }

  public Optional<ClaimSummary> summary(UUID claimId) {
    return jdbc.sql(SUMMARY_SELECT + " where c.id = ?").param(claimId).query(ClaimRepository::summaryRow).optional();
  }

  public record Filter(ClaimStatus status, String payerId, String facilityId, LocalDate serviceFrom, LocalDate serviceTo) {}

  public List<ClaimSummary> list(Filter filter, int limit, int offset) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (filter.status() != null) {
      where.append(" and c.status = ?");
      params.add(filter.status().name());
    }
    if (filter.payerId() != null) {
      where.append(" and c.payer_id = ?");
      params.add(filter.payerId());
    }
    if (filter.facilityId() != null) {
      where.append(" and e.facility_id = ?");
      params.add(filter.facilityId());
    }
    if (filter.serviceFrom() != null) {
      where.append(" and e.service_date >= ?");
      params.add(filter.serviceFrom());
    }
    if (filter.serviceTo() != null) {
      where.append(" and e.service_date <= ?");
      params.add(filter.serviceTo());
    }
    params.add(limit);
    params.add(offset);
    return jdbc.sql(SUMMARY_SELECT + where + " order by c.created_at desc, c.id limit ? offset ?")
        .params(params)
        .query(ClaimRepository::summaryRow)
        .list();
  }

  private static final String SUMMARY_SELECT = """
      select c.id, c.patient_control_number, c.status, c.claim_type, c.frequency_code, c.payer_id, e.facility_id,
        e.service_date, c.total_charge, c.payer_claim_number, c.submission_count, c.created_at, c.updated_at, c.closed_at
      from claim c join encounter e on e.id = c.encounter_id""";

  private static ClaimSummary summaryRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new ClaimSummary(rs.getObject(1, UUID.class), rs.getString(2), ClaimStatus.valueOf(rs.getString(3)),
        ClaimType.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
        rs.getObject(8, LocalDate.class), rs.getBigDecimal(9), rs.getString(10), rs.getInt(11),
        rs.getTimestamp(12).toInstant(), rs.getTimestamp(13).toInstant(),
        rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant());
  }
}
