package org.revcycle.remittance;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finds the claim a CLP is about: by CLP01 (our patient control number), then by CLP07 (the payer's
 * claim number from an earlier decision), then by the patient's member id and the date of service
 * with the same payer, when exactly one claim fits. Looks up a whole chunk of CLPs at once.
 */
@Repository
public class ClaimMatcher {

  private final JdbcClient jdbc;

  public ClaimMatcher(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A claim as posting needs it.
   *
   * @param primaryPosted whether a payer's decision was posted for it before (so a CLP02 2/3 is a follow-on)
   */
  public record MatchedClaim(UUID id, String patientControlNumber, String payerId, String payerClass, String status,
      boolean primaryPosted, String method) {}

  private static final String SELECT = """
      select c.id, c.patient_control_number, c.payer_id, p.payer_class, c.status,
        (select count(*) from remittance_claim r where r.claim_id = c.id and r.posted_at is not null and r.status_code <> '4'),
        c.payer_claim_number
      from claim c left join payer p on p.id = c.payer_id""";

  public Map<String, MatchedClaim> byPatientControlNumber(Collection<String> pcns) {
    Map<String, MatchedClaim> found = new HashMap<>();
    if (!pcns.isEmpty()) {
      jdbc.sql(SELECT + " where c.patient_control_number in (:pcns)").param("pcns", pcns)
          .query((rs, n) -> new MatchedClaim(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getInt(6) > 0, "CLP01"))
          .list().forEach(c -> found.put(c.patientControlNumber(), c));
    }
    return found;
  }

  public Optional<MatchedClaim> byPayerClaimNumber(String payerClaimNumber) {
    if (payerClaimNumber == null || payerClaimNumber.isBlank()) {
      return Optional.empty();
    }
    List<MatchedClaim> claims = jdbc.sql(SELECT + " where c.payer_claim_number = ?").param(payerClaimNumber)
        .query((rs, n) -> new MatchedClaim(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getInt(6) > 0, "CLP07"))
        .list();
    return claims.size() == 1 ? Optional.of(claims.get(0)) : Optional.empty();
  }

  public Optional<MatchedClaim> byPatientAndServiceDate(String memberId, LocalDate serviceDate, String payerId) {
    if (memberId == null || memberId.isBlank() || serviceDate == null) {
      return Optional.empty();
    }
    List<MatchedClaim> claims = jdbc.sql(SELECT + """
         join encounter e on e.id = c.encounter_id
        where c.member_id = ? and e.service_date = ? and (c.payer_id = ? or ? is null)""")
        .params(memberId, serviceDate, payerId, payerId)
        .query((rs, n) -> new MatchedClaim(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getInt(6) > 0, "PATIENT_DOS"))
        .list();
    return claims.size() == 1 ? Optional.of(claims.get(0)) : Optional.empty();
  }

  /** A claim by patient control number, for a person applying an unmatched remittance. */
  public Optional<MatchedClaim> forApplying(String patientControlNumber) {
    return Optional.ofNullable(byPatientControlNumber(List.of(patientControlNumber)).get(patientControlNumber))
        .map(c -> new MatchedClaim(c.id(), c.patientControlNumber(), c.payerId(), c.payerClass(), c.status(),
            c.primaryPosted(), "MANUAL"));
  }

  /** Keys (payer, trace, CLP01, CLP07, CLP02, charge, paid) of decisions already taken from other files. */
  public java.util.Set<String> alreadyTaken(UUID fileId, Collection<String> traceNumbers) {
    if (traceNumbers.isEmpty()) {
      return java.util.Set.of();
    }
    return new java.util.HashSet<>(jdbc.sql("""
        select payer_id, trace_number, patient_control_number, payer_claim_number, status_code, charge, paid
        from remittance_claim where trace_number in (:traces) and (file_id is null or file_id <> :file)""")
        .param("traces", traceNumbers).param("file", fileId)
        .query((rs, n) -> sameKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getBigDecimal(6), rs.getBigDecimal(7)))
        .list());
  }

  /** The billed lines of each claim, in line order, for allocating SVCs. */
  Map<UUID, List<ServiceLineAllocation.ClaimLine>> claimLines(Collection<UUID> claimIds) {
    Map<UUID, List<ServiceLineAllocation.ClaimLine>> found = new HashMap<>();
    if (!claimIds.isEmpty()) {
      jdbc.sql("""
          select claim_id, line_number, procedure_code, revenue_code, charge from claim_line
          where claim_id in (:ids) order by claim_id, line_number""")
          .param("ids", claimIds)
          .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class),
              new ServiceLineAllocation.ClaimLine(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5))))
          .list().forEach(e -> found.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
    }
    return found;
  }

  /** What each claim still has open with its payers: the insurance receivables, every payer class. */
  Map<UUID, java.math.BigDecimal> insuranceBalances(Collection<UUID> claimIds) {
    Map<UUID, java.math.BigDecimal> found = new HashMap<>();
    jdbc.sql("""
        select e.claim_id, sum(l.debit - l.credit)
        from journal_entry e join journal_line l on l.entry_id = e.id join ledger_account a on a.code = l.account_code
        where e.claim_id in (:ids) and (a.code = '1110' or a.parent_code = '1110')
        group by e.claim_id""")
        .param("ids", claimIds)
        .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getBigDecimal(2)))
        .list().forEach(e -> found.put(e.getKey(), e.getValue()));
    return found;
  }

  static String sameKey(String payer, String trace, String pcn, String payerClaimNumber, String status,
      java.math.BigDecimal charge, java.math.BigDecimal paid) {
    return payer + "|" + trace + "|" + pcn + "|" + (payerClaimNumber == null ? "" : payerClaimNumber) + "|" + status
        + "|" + charge.setScale(2).toPlainString() + "|" + paid.setScale(2).toPlainString();
  }
}
