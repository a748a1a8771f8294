package org.revcycle.remittance;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** 835 files: what came (hash, envelope, TRN), whether it balanced, and how far its posting got. */
@Repository
public class RemittanceFileRepository {

  private final JdbcClient jdbc;

  public RemittanceFileRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What a file is and where its posting stands, for the API and the process. */
  public record RemittanceFile(UUID id, String sha256, String source, String status, String interchangeControlNumber,
      String groupControlNumber, String transactionControlNumbers, String traceNumber, String payerId,
      String paymentMethod, LocalDate paymentDate, BigDecimal totalPayment, int claims, int problemCount, String problems,
      int claimsTaken, int matched, int unmatched, int alreadyTaken, Instant receivedAt, Instant postedAt,
      Long postingMillis) {}

  /** In its own transaction; empty when a file with the same hash was recorded before (the duplicate's first file). */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public Optional<UUID> insertOrFindEarlier(UUID id, String sha256, String source, Instant receivedAt) {
    Optional<UUID> earlier = jdbc.sql("select id from remittance_file where sha256 = ?").param(sha256).query(UUID.class).optional();
    if (earlier.isPresent()) {
      return earlier;
    }
    try {
      jdbc.sql("insert into remittance_file (id, sha256, source, status, received_at) values (?, ?, ?, 'RECEIVED', ?)")
          .params(id, sha256, source, Timestamp.from(receivedAt)).update();
      return Optional.empty();
    } catch (DuplicateKeyException deliveredTwiceAtOnce) {
      return Optional.of(jdbc.sql("select id from remittance_file where sha256 = ?").param(sha256).query(UUID.class).single());
    }
  }

  /** Records the outcome of validation: the envelope, the payment, and the problems if any. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordValidation(UUID id, RemittanceFileValidation.Result v) {
    jdbc.sql("""
        update remittance_file set status = ?, interchange_control_number = ?, group_control_number = ?,
          transaction_control_numbers = ?, sender_id = ?, trace_number = ?, payer_id = ?, payment_method = ?,
          payment_date = ?, total_payment = ?, claim_count = ?, problem_count = ?, problems = ?
        where id = ? and status = 'RECEIVED'""")
        .params(v.balanced() ? "POSTING" : "REFUSED", v.interchangeControlNumber(), v.groupControlNumber(),
            truncate(v.transactionControlNumbers(), 255), v.senderId(), v.traceNumber(), v.payerId(), v.paymentMethod(),
            v.paymentDate(), v.totalPayment(), v.claims(), v.problemCount(), truncate(v.problemSummary(), 2000), id)
        .update();
  }

  public Optional<RemittanceFile> find(UUID id) {
    return jdbc.sql("""
        select id, sha256, source, status, interchange_control_number, group_control_number, transaction_control_numbers,
          trace_number, payer_id, payment_method, payment_date, total_payment, claim_count, problem_count, problems,
          claims_taken, matched, unmatched, already_taken, received_at, posted_at, posting_millis
        from remittance_file where id = ?""")
        .param(id)
        .query((rs, n) -> new RemittanceFile(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
            rs.getObject(11, LocalDate.class), rs.getBigDecimal(12), rs.getInt(13), rs.getInt(14), rs.getString(15),
            rs.getInt(16), rs.getInt(17), rs.getInt(18), rs.getInt(19), rs.getTimestamp(20).toInstant(),
            rs.getTimestamp(21) == null ? null : rs.getTimestamp(21).toInstant(), (Long) rs.getObject(22, Long.class)))
        .optional();
  }

  public String payload(UUID id) {
    return jdbc.sql("select payload from inbound_message where id = ?").param(id).query(String.class).single();
  }

  /** In the chunk's transaction: the claims up to {@code taken} are posted exactly when this commits. */
  void recordProgress(UUID id, int taken, int matched, int unmatched, int alreadyTaken) {
    jdbc.sql("""
        update remittance_file set claims_taken = ?, matched = matched + ?, unmatched = unmatched + ?,
          already_taken = already_taken + ? where id = ?""")
        .params(taken, matched, unmatched, alreadyTaken, id).update();
  }

  void markPosted(UUID id, Instant at, long millis) {
    jdbc.sql("update remittance_file set status = 'POSTED', posted_at = ?, posting_millis = ? where id = ?")
        .params(Timestamp.from(at), millis, id).update();
  }

  /** The unmatched claims of a file, for a person to match. */
  public List<UUID> unmatchedRemittances(UUID fileId) {
    return jdbc.sql("select id from remittance_claim where file_id = ? and claim_id is null and resolution is null order by clp_sequence")
        .param(fileId).query(UUID.class).list();
  }

  /** Patient control numbers of the file's claims whose process has not taken their remittance yet. */
  List<String> awaitingWakeUp(UUID fileId) {
    return jdbc.sql("""
        select patient_control_number from remittance_claim
        where file_id = ? and claim_id is not null and correlated_at is null order by clp_sequence""")
        .param(fileId).query(String.class).list();
  }

  public List<RemittanceFile> recent(int limit) {
    return jdbc.sql("select id from remittance_file order by received_at desc limit ?").param(limit).query(UUID.class).list()
        .stream().map(id -> find(id).orElseThrow()).toList();
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
