package org.revcycle.workqueue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.revcycle.claim.ClaimRepository;
import org.revcycle.platform.engine.PolicyDecisions;
import org.springframework.stereotype.Service;

/**
 * Which queue works an exception, how urgent it is and when it is due: decided by
 * decisions/work-queue-routing.dmn and recorded on the claim with the rule that decided.
 */
@Service
public class WorkQueueRouter {

  static final String DECISION = "work-queue-routing";

  private final PolicyDecisions policy;
  private final ClaimRepository claims;
  private final Clock clock;

  public WorkQueueRouter(PolicyDecisions policy, ClaimRepository claims, Clock clock) {
    this.policy = policy;
    this.claims = claims;
    this.clock = clock;
  }

  /** A routed exception: the candidate group, the task priority and its due date. */
  public record Route(String queue, int priority, Date due) {}

  public Route route(UUID claimId, String exceptionType, BigDecimal claimCharge) {
    PolicyDecisions.Outcome outcome = evaluate(exceptionType, claimCharge);
    PolicyDecisions.MatchedRule rule = outcome.single();
    Route route = routeOf(rule);
    claims.addDecision(claimId, outcome.decisionKey(), outcome.decisionVersion(), rule.ruleId(),
        exceptionType + " -> " + route.queue(), clock.instant());
    return route;
  }

  /**
   * Routes an exception about a remittance file rather than one of our claims (an 835 that does
   * not balance, a payment that matches no claim); {@code amount} is the money at stake. The
   * decision, version and rule are in the engine's decision history.
   */
  public Route routeFileException(String exceptionType, BigDecimal amount) {
    return routeOf(evaluate(exceptionType, amount).single());
  }

  private PolicyDecisions.Outcome evaluate(String exceptionType, BigDecimal amount) {
    return policy.evaluate(DECISION, Map.of("exceptionType", exceptionType, "claimCharge", amount.abs().doubleValue()));
  }

  private Route routeOf(PolicyDecisions.MatchedRule rule) {
    String queue = (String) rule.outputs().get("queue");
    int priority = ((Number) rule.outputs().get("priority")).intValue();
    int dueInHours = ((Number) rule.outputs().get("dueInHours")).intValue();
    return new Route(queue, priority, Date.from(clock.instant().plus(dueInHours, ChronoUnit.HOURS)));
  }
}
