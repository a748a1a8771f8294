package org.revcycle.workqueue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.revcycle.claim.ClaimRepository;
import org.revcycle.platform.engine.PolicyDecisions;
import org.springframework.stereotype.Service;

/**
 * Which queue works an exception, how urgent it is and when it is due: decided by
 * decisions/work-queue-routing.dmn (the queue per edit, by exception type, edit, facility and
 * specialty, then the queue's service level) and recorded on the claim with the rules that decided.
 */
@Service
public class WorkQueueRouter {

  static final String DECISION = "work-queue-routing";
  static final String QUEUE_DECISION = "edit-queue";

  private final PolicyDecisions policy;
  private final ClaimRepository claims;
  private final Clock clock;

  public WorkQueueRouter(PolicyDecisions policy, ClaimRepository claims, Clock clock) {
    this.policy = policy;
    this.claims = claims;
    this.clock = clock;
  }

  /**
   * A routed exception: the candidate group, the task priority and its due date, and the recorded
   * decision of the rule that chose the queue.
   */
  public record Route(String queue, int priority, Date due, UUID decisionId) {}

  /** Where the exception arose, for facility- and specialty-specific rules; any part may be null. */
  public record Context(String editCode, String facilityId, String facilityType, String specialty) {
    public static final Context NONE = new Context(null, null, null, null);
  }

  public Route route(UUID claimId, String exceptionType, BigDecimal claimCharge) {
    return route(claimId, exceptionType, claimCharge, Context.NONE);
  }

  /**
   * Routes an exception about a remittance file rather than one of our claims (an 835 that does
   * not balance, a payment that matches no claim); {@code amount} is the money at stake. Nothing is
   * recorded on a claim: the decision, version and rule are in the engine's decision history.
   */
  public Route routeFileException(String exceptionType, BigDecimal amount) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("exceptionType", exceptionType);
    inputs.put("claimCharge", amount.abs().doubleValue());
    inputs.put("editCode", null);
    inputs.put("facilityId", null);
    inputs.put("facilityType", null);
    inputs.put("specialty", null);
    PolicyDecisions.MatchedRule rule = policy.evaluate(DECISION, inputs).single();
    int dueInHours = ((Number) rule.outputs().get("dueInHours")).intValue();
    return new Route((String) rule.outputs().get("queue"), ((Number) rule.outputs().get("priority")).intValue(),
        Date.from(clock.instant().plus(dueInHours, ChronoUnit.HOURS)), null);
  }

  public Route route(UUID claimId, String exceptionType, BigDecimal claimCharge, Context context) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("exceptionType", exceptionType);
    inputs.put("claimCharge", claimCharge.doubleValue());
    inputs.put("editCode", context.editCode());
    inputs.put("facilityId", context.facilityId());
    inputs.put("facilityType", context.facilityType());
    inputs.put("specialty", context.specialty());
    PolicyDecisions.Outcome outcome = policy.evaluate(DECISION, inputs);
    PolicyDecisions.MatchedRule rule = outcome.single();
    String queue = (String) rule.outputs().get("queue");
    int priority = ((Number) rule.outputs().get("priority")).intValue();
    int dueInHours = ((Number) rule.outputs().get("dueInHours")).intValue();
    Instant now = clock.instant();
    String what = (context.editCode() == null ? exceptionType : context.editCode()) + " -> " + queue;
    UUID queueDecision = null;
    for (PolicyDecisions.Outcome decision : outcome.required()) {
      for (PolicyDecisions.MatchedRule matched : decision.matchedRules()) {
        UUID id = claims.addDecision(claimId, decision.decisionKey(), decision.decisionVersion(), matched.ruleId(), what, now);
        if (QUEUE_DECISION.equals(decision.decisionKey())) {
          queueDecision = id;
        }
      }
    }
    UUID serviceLevel = claims.addDecision(claimId, outcome.decisionKey(), outcome.decisionVersion(), rule.ruleId(),
        what + " priority " + priority + ", due in " + dueInHours + " h", now);
    return new Route(queue, priority, Date.from(now.plus(dueInHours, ChronoUnit.HOURS)),
        queueDecision == null ? serviceLevel : queueDecision);
  }
}
