package org.revcycle.coding;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.revcycle.claim.ClaimRepository;
import org.revcycle.claim.ClaimStatus;
import org.revcycle.platform.engine.PolicyDecisions;
import org.revcycle.workqueue.WorkQueueRouter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charge review: scrubs the claim against the payer edits in decisions/payer-edits.dmn and, when
 * an edit holds the claim, asks decisions/work-queue-routing.dmn which queue fixes it. Every
 * decision is recorded on the claim with the DMN version and rule that made it.
 */
@Service
public class ChargeReview {

  static final String PAYER_EDITS = "payer-edits";

  /**
   * Services that payers authorize in advance. A stand-in until the reference tables of the
   * edits issue: the real list is payer-specific data, not code.
   */
  static final Set<String> AUTHORIZATION_CODES = Set.of("70553", "27447", "43239", "0360");

  private final JdbcClient jdbc;
  private final ClaimRepository claims;
  private final PolicyDecisions policy;
  private final WorkQueueRouter router;
  private final Clock clock;

  public ChargeReview(JdbcClient jdbc, ClaimRepository claims, PolicyDecisions policy, WorkQueueRouter router,
      Clock clock) {
    this.jdbc = jdbc;
    this.claims = claims;
    this.policy = policy;
    this.router = router;
    this.clock = clock;
  }

  public record Edit(String code, String severity, String exceptionType, String message) {
    boolean holdsClaim() {
      return "ERROR".equals(severity);
    }
  }

  /** The outcome: passed, or held for a queue with a priority and a due time. */
  public record Result(boolean passed, List<Edit> edits, WorkQueueRouter.Route route) {
    public String summary() {
      return edits.stream().map(e -> e.severity() + " " + e.code() + ": " + e.message()).collect(Collectors.joining("\n"));
    }
  }

  @Transactional
  public Result review(UUID claimId) {
    Instant now = clock.instant();
    Map<String, Object> facts = facts(claimId, LocalDate.now(clock));
    jdbc.sql("update claim_edit set resolved_at = ? where claim_id = ? and resolved_at is null")
        .params(Timestamp.from(now), claimId).update();

    PolicyDecisions.Outcome outcome = policy.evaluate(PAYER_EDITS, facts);
    List<Edit> edits = new ArrayList<>();
    for (PolicyDecisions.MatchedRule rule : outcome.matchedRules()) {
      Edit edit = new Edit((String) rule.outputs().get("editCode"), (String) rule.outputs().get("severity"),
          (String) rule.outputs().get("exceptionType"), (String) rule.outputs().get("message"));
      UUID decisionId = claims.addDecision(claimId, outcome.decisionKey(), outcome.decisionVersion(), rule.ruleId(),
          edit.code() + " " + edit.severity(), now);
      jdbc.sql("""
          insert into claim_edit (id, claim_id, edit_code, severity, message, decision_id, created_at)
          values (?, ?, ?, ?, ?, ?, ?)""")
          .params(UUID.randomUUID(), claimId, edit.code(), edit.severity(), edit.message(), decisionId,
              Timestamp.from(now))
          .update();
      edits.add(edit);
    }

    Optional<Edit> holding = edits.stream().filter(Edit::holdsClaim).findFirst();
    if (holding.isEmpty()) {
      claims.addDecision(claimId, outcome.decisionKey(), outcome.decisionVersion(), null, "CLEAN", now);
      claims.updateStatus(claimId, ClaimStatus.READY, now);
      claims.addEvent(claimId, "CHARGE_REVIEW", "PASSED",
          edits.isEmpty() ? "all payer edits passed" : edits.size() + " warning(s)", "system", now);
      return new Result(true, edits, null);
    }

    WorkQueueRouter.Route route = router.route(claimId, holding.get().exceptionType(), (BigDecimal) facts.get("charge"));
    String queue = route.queue();
    jdbc.sql("update claim_edit set queue = ? where claim_id = ? and resolved_at is null and severity = 'ERROR'")
        .params(queue, claimId).update();
    claims.updateStatus(claimId, ClaimStatus.CODING_HOLD, now);
    claims.addEvent(claimId, "CHARGE_REVIEW", "HELD", holding.get().code() + " for " + queue, "system", now);
    return new Result(false, edits, route);
  }

  private static boolean needsAuthorization(String code) {
    return code != null && AUTHORIZATION_CODES.contains(code);
  }

  Map<String, Object> facts(UUID claimId, LocalDate today) {
    Map<String, Object> facts = new HashMap<>(jdbc.sql("""
        select c.claim_type, coalesce(py.payer_class, case when c.payer_id is null then 'SELF_PAY' else 'UNKNOWN' end),
          e.encounter_class, e.prior_authorization, e.service_date, p.birth_date, c.total_charge,
          coalesce(py.timely_filing_days, 365)
        from claim c join encounter e on e.id = c.encounter_id join patient p on p.id = e.patient_id
        left join payer py on py.id = c.payer_id where c.id = ?""")
        .param(claimId)
        .query((rs, n) -> {
          Map<String, Object> f = new HashMap<>();
          LocalDate serviceDate = rs.getObject(5, LocalDate.class);
          f.put("claimType", rs.getString(1));
          f.put("payerClass", rs.getString(2));
          f.put("inpatient", "INPATIENT".equals(rs.getString(3)));
          f.put("hasPriorAuthorization", rs.getString(4) != null && !rs.getString(4).isBlank());
          f.put("patientAge", Period.between(rs.getObject(6, LocalDate.class), serviceDate).getYears());
          f.put("charge", rs.getBigDecimal(7));
          f.put("daysLeftToFile", (int) (rs.getInt(8) - ChronoUnit.DAYS.between(serviceDate, today)));
          return f;
        })
        .single());
    facts.put("totalCharge", ((BigDecimal) facts.get("charge")).doubleValue());
    facts.put("diagnosisCount", jdbc.sql("select count(*) from claim_diagnosis where claim_id = ?")
        .param(claimId).query(Integer.class).single());
    List<String[]> lines = jdbc.sql("select procedure_code, revenue_code from claim_line where claim_id = ?")
        .param(claimId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    facts.put("linesWithoutProcedureCode", (int) lines.stream().filter(l -> l[0] == null).count());
    facts.put("linesWithoutRevenueCode", (int) lines.stream().filter(l -> l[1] == null).count());
    facts.put("procedureNeedsAuthorization",
        lines.stream().anyMatch(l -> needsAuthorization(l[0]) || needsAuthorization(l[1])));
    return facts;
  }
}
