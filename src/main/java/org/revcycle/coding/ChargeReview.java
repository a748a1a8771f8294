package org.revcycle.coding;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.revcycle.claim.ClaimRepository;
import org.revcycle.claim.ClaimStatus;
import org.revcycle.coding.edits.ClaimFacts;
import org.revcycle.coding.edits.EditResult;
import org.revcycle.coding.edits.PayerEditEngine;
import org.revcycle.workqueue.WorkQueueRouter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charge review: scrubs the claim with the edit engine (decisions/payer-edits.dmn and the reference
 * tables) and routes every failed edit to its queue with decisions/work-queue-routing.dmn. Every
 * edit is stored on the claim with its message, fix, queue and what produced it.
 */
@Service
public class ChargeReview {

  private final JdbcClient jdbc;
  private final ClaimRepository claims;
  private final PayerEditEngine engine;
  private final WorkQueueRouter router;
  private final Clock clock;

  public ChargeReview(JdbcClient jdbc, ClaimRepository claims, PayerEditEngine engine, WorkQueueRouter router,
      Clock clock) {
    this.jdbc = jdbc;
    this.claims = claims;
    this.engine = engine;
    this.router = router;
    this.clock = clock;
  }

  /** A failed edit and where it was routed. */
  public record RoutedEdit(EditResult edit, WorkQueueRouter.Route route) {}

  /** The outcome: passed, or held for the queue (priority, due time) of its most urgent error. */
  public record Result(boolean passed, List<RoutedEdit> edits, WorkQueueRouter.Route route) {
    public String summary() {
      return edits.stream().map(r -> {
        EditResult e = r.edit();
        return e.severity() + " " + e.code() + (e.lineNumber() == null ? "" : " (line " + e.lineNumber() + ")") + ": "
            + e.message() + " Fix: " + e.suggestedFix() + " [" + r.route().queue() + "]";
      }).collect(Collectors.joining("\n"));
    }
  }

  @Transactional
  public Result review(UUID claimId) {
    Instant now = clock.instant();
    ClaimFacts facts = facts(claimId, LocalDate.now(clock));
    jdbc.sql("update claim_edit set resolved_at = ? where claim_id = ? and resolved_at is null")
        .params(Timestamp.from(now), claimId).update();

    PayerEditEngine.Run run = engine.evaluate(facts);
    Map<String, UUID> decisions = new HashMap<>();
    List<RoutedEdit> routed = new ArrayList<>();
    for (EditResult edit : run.edits()) {
      String decisionText = edit.referenceTable() == null ? edit.code() + " " + edit.severity()
          : "family " + edit.family() + " applies";
      UUID decisionId = decisions.computeIfAbsent(edit.decisionKey() + "|" + edit.ruleId(),
          k -> claims.addDecision(claimId, edit.decisionKey(), edit.decisionVersion(), edit.ruleId(), decisionText, now));
      WorkQueueRouter.Route route = router.route(claimId, edit.exceptionType(), facts.totalCharge(),
          new WorkQueueRouter.Context(edit.code(), facts.facilityId(), facts.facilityType(), facts.specialty()));
      jdbc.sql("""
          insert into claim_edit (id, claim_id, edit_code, severity, message, queue, decision_id, created_at,
            exception_type, suggested_fix, line_number, edit_family, reference_table, reference_row, reference_version,
            route_decision_id, priority)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(UUID.randomUUID(), claimId, edit.code(), edit.severity(), cut(edit.message(), 500), route.queue(),
              decisionId, Timestamp.from(now), edit.exceptionType(), cut(edit.suggestedFix(), 500), edit.lineNumber(),
              edit.family(), edit.referenceTable(), edit.referenceRow(), edit.referenceVersion(), route.decisionId(),
              route.priority())
          .update();
      routed.add(new RoutedEdit(edit, route));
    }

    Optional<RoutedEdit> holding = routed.stream().filter(r -> r.edit().holdsClaim())
        .max(Comparator.comparingInt(r -> r.route().priority()));
    if (holding.isEmpty()) {
      claims.addDecision(claimId, run.outcome().decisionKey(), run.outcome().decisionVersion(), null, "CLEAN", now);
      claims.updateStatus(claimId, ClaimStatus.READY, now);
      claims.addEvent(claimId, "CHARGE_REVIEW", "PASSED",
          routed.isEmpty() ? "all payer edits passed" : routed.size() + " warning(s)", "system", now);
      return new Result(true, routed, null);
    }
    WorkQueueRouter.Route route = holding.get().route();
    long errors = routed.stream().filter(r -> r.edit().holdsClaim()).count();
    claims.updateStatus(claimId, ClaimStatus.CODING_HOLD, now);
    claims.addEvent(claimId, "CHARGE_REVIEW", "HELD",
        holding.get().edit().code() + (errors > 1 ? " and " + (errors - 1) + " more" : "") + " for " + route.queue(),
        "system", now);
    return new Result(false, routed, route);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  ClaimFacts facts(UUID claimId, LocalDate today) {
    List<String> diagnoses = jdbc.sql("select code from claim_diagnosis where claim_id = ? order by sequence")
        .param(claimId).query(String.class).list();
    List<ClaimFacts.Line> lines = jdbc.sql("""
        select line_number, procedure_code, modifiers, revenue_code, units, charge, service_date
        from claim_line where claim_id = ? order by line_number""")
        .param(claimId)
        .query((rs, n) -> new ClaimFacts.Line(rs.getInt(1), rs.getString(2),
            rs.getString(3) == null ? List.of() : Arrays.asList(rs.getString(3).split(",")), rs.getString(4),
            rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getObject(7, LocalDate.class)))
        .list();
    return jdbc.sql("""
        select c.claim_type, c.payer_id,
          coalesce(py.payer_class, case when c.payer_id is null then 'SELF_PAY' else 'UNKNOWN' end),
          coalesce(py.timely_filing_days, 365), e.facility_id, f.facility_type, pr.specialty, e.encounter_class,
          e.service_date, p.birth_date, p.sex, e.prior_authorization, c.total_charge
        from claim c join encounter e on e.id = c.encounter_id join patient p on p.id = e.patient_id
        left join payer py on py.id = c.payer_id left join facility f on f.id = e.facility_id
        left join provider pr on pr.npi = e.rendering_npi
        where c.id = ?""")
        .param(claimId)
        .query((rs, n) -> {
          LocalDate serviceDate = rs.getObject(9, LocalDate.class);
          String auth = rs.getString(12);
          BigDecimal charge = rs.getBigDecimal(13);
          return new ClaimFacts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
              rs.getString(6), rs.getString(7), "INPATIENT".equals(rs.getString(8)), serviceDate, today,
              Period.between(rs.getObject(10, LocalDate.class), serviceDate).getYears(), rs.getString(11),
              auth != null && !auth.isBlank(), charge, diagnoses, lines);
        })
        .single();
  }
}
