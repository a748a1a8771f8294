package org.revcycle.denial;

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

/** The denial tables (V13): denials, predictions, analysts' labels, appeal letters, payer letters. */
@Repository
public class DenialRepository {

  private final JdbcClient jdbc;

  public DenialRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A denial as recorded and as worked so far. */
  public record Denial(UUID id, UUID claimId, UUID remittanceId, String patientControlNumber, String payerId,
      String facilityId, String groupCode, List<String> reasonCodes, List<String> remarkCodes, String remarkText,
      BigDecimal deniedAmount, LocalDate deniedOn, RootCause rootCause, String classifiedBy, BigDecimal confidence,
      String team, String suggestedAction, BigDecimal recoveryProbability, BigDecimal expectedRecovery,
      LocalDate appealDeadline, String outcome, BigDecimal recoveredAmount, String resolvedBy, Instant resolvedAt,
      String claimLines, String serviceLines, UUID recoveryRemittanceId, Instant recoveredAt) {

    /** A denial of service lines inside a paid claim (not of the whole claim). */
    public boolean ofLines() {
      return claimLines != null || serviceLines != null;
    }

    public DenialFacts facts() {
      return new DenialFacts(payerId, groupCode, reasonCodes, remarkCodes, remarkText);
    }
  }

  public void insert(UUID id, UUID claimId, UUID remittanceId, String pcn, String facilityId, DenialFacts facts,
      BigDecimal deniedAmount, LocalDate deniedOn, Instant now) {
    jdbc.sql("""
        insert into denial (id, claim_id, remittance_id, patient_control_number, payer_id, facility_id, group_code,
          reason_codes, remark_codes, remark_text, denied_amount, denied_on, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, claimId, remittanceId, pcn, facts.payerId(), facilityId, facts.groupCode(),
            String.join(",", facts.reasonCodes()), String.join(",", facts.remarkCodes()),
            facts.remarkText().isBlank() ? null : facts.remarkText(), deniedAmount, deniedOn, Timestamp.from(now))
        .update();
  }

  public void classify(UUID id, RootCause rootCause, String classifiedBy, double confidence, String suggestedAction) {
    jdbc.sql("update denial set root_cause = ?, classified_by = ?, confidence = ?, suggested_action = ? where id = ?")
        .params(rootCause == null ? null : rootCause.name(), classifiedBy, ratio(confidence), suggestedAction, id)
        .update();
  }

  public void route(UUID id, String team, double recoveryProbability, BigDecimal expectedRecovery, LocalDate appealDeadline) {
    jdbc.sql("update denial set team = ?, recovery_probability = ?, expected_recovery = ?, appeal_deadline = ? where id = ?")
        .params(team, ratio(recoveryProbability), expectedRecovery, appealDeadline, id).update();
  }

  public void resolve(UUID id, String outcome, BigDecimal recoveredAmount, String resolvedBy, Instant at) {
    jdbc.sql("update denial set outcome = ?, recovered_amount = ?, resolved_by = ?, resolved_at = ? where id = ?")
        .params(outcome, recoveredAmount, resolvedBy, Timestamp.from(at), id).update();
  }

  /** The service lines a line denial is about: claim line numbers and the 835's SVC references. */
  public void lines(UUID id, String claimLines, String serviceLines) {
    jdbc.sql("update denial set claim_lines = ?, service_lines = ? where id = ?")
        .params(claimLines == null ? null : truncate(claimLines, 100), serviceLines == null ? null : truncate(serviceLines, 500),
            id).update();
  }

  /**
   * The denial a payment answers: the claim's latest denial worked by a replacement claim or a won
   * appeal whose recovery is not recorded yet, resolved before this remittance came.
   */
  public Optional<Denial> awaitingRecovery(UUID claimId) {
    return jdbc.sql("""
        select * from denial where claim_id = ? and outcome in ('RESUBMITTED', 'APPEAL_WON') and recovered_at is null
        order by resolved_at desc, created_at desc""").param(claimId).query(DenialRepository::denial).stream().findFirst();
  }

  /** What the payer paid for the claim in the remittances received after this moment (reversals count negative). */
  public BigDecimal paidAfter(UUID claimId, Instant after) {
    return jdbc.sql("select coalesce(sum(paid), 0) from remittance_claim where claim_id = ? and received_at > ?")
        .params(claimId, Timestamp.from(after)).query(BigDecimal.class).single();
  }

  public void recovered(UUID id, BigDecimal amount, UUID remittanceId, Instant at) {
    jdbc.sql("update denial set recovered_amount = ?, recovery_remittance_id = ?, recovered_at = ? where id = ?")
        .params(amount, remittanceId, Timestamp.from(at), id).update();
  }

  /** An 835 came for a denial opened without one (277 F2): its codes and amount replace what the status said. */
  public void attachRemittance(UUID id, UUID remittanceId, DenialFacts facts, BigDecimal deniedAmount) {
    jdbc.sql("""
        update denial set remittance_id = ?, group_code = ?, reason_codes = ?, remark_codes = ?, denied_amount = ?
        where id = ?""")
        .params(remittanceId, facts.groupCode(), String.join(",", facts.reasonCodes()), String.join(",", facts.remarkCodes()),
            deniedAmount, id)
        .update();
  }

  /** Denials of the claim nobody has finished working: no outcome yet, or an appeal lost and back in review. */
  public List<Denial> openForClaim(UUID claimId) {
    return jdbc.sql("select * from denial where claim_id = ? and (outcome is null or outcome = 'APPEAL_LOST') order by created_at, id")
        .param(claimId).query(DenialRepository::denial).list();
  }

  public Optional<Denial> find(UUID id) {
    return jdbc.sql("select * from denial where id = ?").param(id).query(DenialRepository::denial).optional();
  }

  /** The claim's most recent denial, the one its denial-management instance works. */
  public Optional<Denial> latestForClaim(UUID claimId) {
    return jdbc.sql("select * from denial where claim_id = ? order by created_at desc, id").param(claimId)
        .query(DenialRepository::denial).stream().findFirst();
  }

  public Optional<Denial> latestForPayerClaimNumber(String payerClaimNumber) {
    return jdbc.sql("""
        select d.* from denial d join claim c on c.id = d.claim_id where c.payer_claim_number = ?
        order by d.created_at desc""").param(payerClaimNumber).query(DenialRepository::denial).stream().findFirst();
  }

  public Optional<Denial> latestForPatientControlNumber(String pcn) {
    return jdbc.sql("select * from denial where patient_control_number = ? order by created_at desc").param(pcn)
        .query(DenialRepository::denial).stream().findFirst();
  }

  /** Appeals to this payer for this root cause that have an answer: how many, how many won. */
  public int[] priorAppeals(String payerId, RootCause rootCause) {
    return jdbc.sql("""
        select count(*) n, sum(case when outcome = 'APPEAL_WON' then 1 else 0 end) won from denial
        where payer_id = ? and root_cause = ? and outcome in ('APPEAL_WON', 'APPEAL_LOST')""")
        .params(payerId, rootCause.name())
        .query((rs, i) -> new int[] {rs.getInt("n"), rs.getInt("won")}).single();
  }

  public void logPrediction(UUID denialId, String model, String version, String input, String prediction,
      double confidence, List<String> topFeatures, Instant at) {
    jdbc.sql("""
        insert into denial_prediction (id, denial_id, model, model_version, input, prediction, confidence, top_features,
          predicted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID(), denialId, model, version, truncate(input, 2000), prediction, ratio(confidence),
            truncate(String.join("; ", topFeatures), 1000), Timestamp.from(at))
        .update();
  }

  public record LoggedPrediction(String model, String modelVersion, String input, String prediction,
      BigDecimal confidence, String topFeatures, Instant predictedAt) {}

  public List<LoggedPrediction> predictions(UUID denialId) {
    return jdbc.sql("select * from denial_prediction where denial_id = ? order by predicted_at, model").param(denialId)
        .query((rs, i) -> new LoggedPrediction(rs.getString("model"), rs.getString("model_version"), rs.getString("input"),
            rs.getString("prediction"), rs.getBigDecimal("confidence"), rs.getString("top_features"),
            rs.getTimestamp("predicted_at").toInstant()))
        .list();
  }

  public void addLabelledExample(UUID denialId, DenialFacts facts, RootCause rootCause, String predicted, String by,
      Instant at) {
    jdbc.sql("""
        insert into denial_labelled_example (id, denial_id, input, root_cause, predicted, labelled_by, labelled_at)
        values (?, ?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID(), denialId, encode(facts), rootCause.name(), predicted, by, Timestamp.from(at)).update();
  }

  public List<DenialVocabulary.LabelledDenial> labelledExamples() {
    return jdbc.sql("select input, root_cause from denial_labelled_example order by labelled_at")
        .query((rs, i) -> new DenialVocabulary.LabelledDenial(decode(rs.getString("input")),
            RootCause.valueOf(rs.getString("root_cause"))))
        .list();
  }

  public void addAppealLetter(UUID denialId, String body, LocalDate deadline, Instant at) {
    jdbc.sql("insert into appeal_letter (id, denial_id, body, deadline, created_at) values (?, ?, ?, ?, ?)")
        .params(UUID.randomUUID(), denialId, body, deadline, Timestamp.from(at)).update();
  }

  public Optional<String> latestAppealLetter(UUID denialId) {
    return jdbc.sql("select body from appeal_letter where denial_id = ? order by created_at desc").param(denialId)
        .query(String.class).stream().findFirst();
  }

  /** What a labelled example keeps: the facts in a line a person can read and the model can parse back. */
  static String encode(DenialFacts facts) {
    return String.join("|", nullToEmpty(facts.payerId()), nullToEmpty(facts.groupCode()),
        String.join(",", facts.reasonCodes()), String.join(",", facts.remarkCodes()),
        facts.remarkText().replace('|', '/'));
  }

  static DenialFacts decode(String line) {
    String[] p = line.split("\\|", -1);
    return new DenialFacts(emptyToNull(p[0]), emptyToNull(p[1]), list(p[2]), list(p[3]), p.length > 4 ? p[4] : "");
  }

  private static Denial denial(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    String rootCause = rs.getString("root_cause");
    java.sql.Date deadline = rs.getDate("appeal_deadline");
    Timestamp resolvedAt = rs.getTimestamp("resolved_at");
    return new Denial(rs.getObject("id", UUID.class), rs.getObject("claim_id", UUID.class),
        rs.getObject("remittance_id", UUID.class), rs.getString("patient_control_number"), rs.getString("payer_id"),
        rs.getString("facility_id"), rs.getString("group_code"), list(rs.getString("reason_codes")),
        list(rs.getString("remark_codes")), rs.getString("remark_text"), rs.getBigDecimal("denied_amount"),
        rs.getDate("denied_on").toLocalDate(), rootCause == null ? null : RootCause.valueOf(rootCause),
        rs.getString("classified_by"), rs.getBigDecimal("confidence"), rs.getString("team"),
        rs.getString("suggested_action"), rs.getBigDecimal("recovery_probability"), rs.getBigDecimal("expected_recovery"),
        deadline == null ? null : deadline.toLocalDate(), rs.getString("outcome"), rs.getBigDecimal("recovered_amount"),
        rs.getString("resolved_by"), resolvedAt == null ? null : resolvedAt.toInstant(), rs.getString("claim_lines"),
        rs.getString("service_lines"), rs.getObject("recovery_remittance_id", UUID.class),
        rs.getTimestamp("recovered_at") == null ? null : rs.getTimestamp("recovered_at").toInstant());
  }

  private static List<String> list(String joined) {
    return joined == null || joined.isBlank() ? List.of() : new ArrayList<>(Arrays.asList(joined.split(",")));
  }

  private static BigDecimal ratio(double value) {
    return BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.HALF_UP);
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
