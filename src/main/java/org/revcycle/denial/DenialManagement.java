package org.revcycle.denial;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.revcycle.claim.ClaimRepository;
import org.revcycle.claim.ClaimSummary;
import org.revcycle.encounter.FacilityDirectory;
import org.revcycle.ledger.Accounts;
import org.revcycle.ledger.LedgerRepository;
import org.revcycle.platform.engine.DecisionEvaluator;
import org.revcycle.platform.engine.PolicyDecisions;
import org.revcycle.remittance.ClaimAdjudication;
import org.revcycle.remittance.RemittanceRepository;
import org.revcycle.workqueue.WorkQueueRouter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Denial management: records a denial found when posting, classifies its root cause in two layers
 * (decisions/denial-root-cause.dmn, then the classifier for what the table does not cover), gives
 * it P(recovery) and routes it to the team that owns the cause, with a suggested action, a priority
 * by expected recovery and a due date no later than the payer's appeal deadline allows.
 */
@Service
public class DenialManagement {

  static final String ROOT_CAUSE_DECISION = "denial-root-cause";
  /** Appeals are worked this many days before the payer's deadline at the latest. */
  static final int DAYS_BEFORE_DEADLINE = 14;

  private final DenialRepository denials;
  private final DenialModels models;
  private final DenialProperties properties;
  private final DecisionEvaluator decisions;
  private final ClaimRepository claims;
  private final RemittanceRepository remittances;
  private final LedgerRepository ledger;
  private final FacilityDirectory facilities;
  private final WorkQueueRouter router;
  private final Clock clock;

  public DenialManagement(DenialRepository denials, DenialModels models, DenialProperties properties,
      PolicyDecisions decisions, ClaimRepository claims, RemittanceRepository remittances, LedgerRepository ledger,
      FacilityDirectory facilities, WorkQueueRouter router, Clock clock) {
    this.denials = denials;
    this.models = models;
    this.properties = properties;
    this.decisions = decisions;
    this.claims = claims;
    this.remittances = remittances;
    this.ledger = ledger;
    this.facilities = facilities;
    this.router = router;
    this.clock = clock;
  }

  /** How a root cause was found. */
  public sealed interface Finding permits TableMatch, ModelPrediction, AnalystLabel {
    RootCause rootCause();

    double confidence();

    String suggestedAction();

    /** TABLE, MODEL or ANALYST: what the denial table records in classified_by. */
    String source();
  }

  /** A row of decisions/denial-root-cause.dmn matched. */
  public record TableMatch(RootCause rootCause, String suggestedAction, String ruleId, int decisionVersion)
      implements Finding {
    public double confidence() {
      return 1.0;
    }

    public String source() {
      return "TABLE";
    }
  }

  /** No row matched: the classifier's answer, its probability and why. */
  public record ModelPrediction(RootCause rootCause, double confidence, String suggestedAction, List<String> topFeatures,
      String modelVersion) implements Finding {
    public String source() {
      return "MODEL";
    }
  }

  /** A person triaged it. */
  public record AnalystLabel(RootCause rootCause, String suggestedAction, String analyst) implements Finding {
    public double confidence() {
      return 1.0;
    }

    public String source() {
      return "ANALYST";
    }
  }

  /** Where the denial goes next, and what it is worth. */
  public record Routing(UUID denialId, Finding finding, boolean needsTriage, String queue, int priority, Date due,
      double recoveryProbability, BigDecimal expectedRecovery, LocalDate appealDeadline) {}

  /** Records the denial of this remittance, classifies and routes it. */
  @Transactional
  public Routing open(UUID claimId, String patientControlNumber, UUID remittanceId) {
    ClaimSummary claim = claims.summary(claimId).orElseThrow();
    if (!claim.patientControlNumber().equals(patientControlNumber)) {
      throw new IllegalStateException("Claim " + claimId + " is not the claim of process " + patientControlNumber);
    }
    ClaimAdjudication adjudication = remittances.load(remittanceId).adjudication();
    List<ClaimAdjudication.ServiceLine> deniedLines = adjudication.deniedLines();
    DenialFacts facts;
    BigDecimal amount;
    if (deniedLines.isEmpty()) {
      facts = factsOf(adjudication);
      BigDecimal atStake = ledger.claimLedger(claimId).net(Accounts.AR_INSURANCE);
      amount = atStake.signum() > 0 ? atStake : claim.totalCharge();
    } else {
      // lines denied in a paid claim: the denial is theirs, with their codes and what they denied
      List<ClaimAdjudication.Adjustment> lineDenials = deniedLines.stream()
          .flatMap(l -> ClaimAdjudication.denialAdjustments(l).stream()).toList();
      facts = factsOf(adjudication.payerId(), lineDenials, adjudication.remarkCodes());
      amount = lineDenials.stream().map(ClaimAdjudication.Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
          .setScale(2, RoundingMode.HALF_UP);
    }
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    LocalDate deniedOn = adjudication.paymentDate() == null ? LocalDate.ofInstant(now, ZoneOffset.UTC)
        : adjudication.paymentDate();
    denials.insert(id, claimId, remittanceId, patientControlNumber, claim.facilityId(), facts, amount, deniedOn, now);
    if (!deniedLines.isEmpty()) {
      denials.lines(id, deniedLines.stream().map(l -> l.claimLineNumber() == null ? "-" : l.claimLineNumber().toString())
          .collect(java.util.stream.Collectors.joining(",")),
          deniedLines.stream().map(ClaimAdjudication.ServiceLine::reference).collect(java.util.stream.Collectors.joining("; ")));
    }
    Finding finding = classify(id, claimId, facts);
    return route(id, finding);
  }

  /**
   * A denial the payer reported on a claim status (277 F2) with no 835 to carry its codes: the
   * status text is all there is, so the classifier reads it (and a weak reading goes to triage).
   */
  @Transactional
  public Routing openFromClaimStatus(UUID claimId, String patientControlNumber, String statusReport) {
    ClaimSummary claim = claims.summary(claimId).orElseThrow();
    if (!claim.patientControlNumber().equals(patientControlNumber)) {
      throw new IllegalStateException("Claim " + claimId + " is not the claim of process " + patientControlNumber);
    }
    String text = statusReport == null ? "" : statusReport;
    DenialFacts facts = new DenialFacts(claim.payerId(), null, List.of(), List.of(),
        text.length() > 2000 ? text.substring(0, 2000) : text);
    BigDecimal atStake = ledger.claimLedger(claimId).net(Accounts.AR_INSURANCE);
    BigDecimal amount = atStake.signum() > 0 ? atStake : claim.totalCharge();
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    denials.insert(id, claimId, null, patientControlNumber, claim.facilityId(), facts, amount,
        LocalDate.ofInstant(now, ZoneOffset.UTC), now);
    return route(id, classify(id, claimId, facts));
  }

  /**
   * An 835 denying a claim whose denial is already open from its claim status (277 F2, no codes):
   * the 835 joins that denial instead of opening a second one. Its codes and amount replace what the
   * status said (the status text stays as the payer's remark), the remittance is taken (the claim's
   * process works this denial already), and the denial is classified again from the codes, unless
   * an analyst named its root cause. Empty when no such denial is open: the 835 is worked as usual.
   */
  @Transactional
  public java.util.Optional<Routing> attachRemittance(UUID claimId, UUID remittanceId) {
    java.util.Optional<DenialRepository.Denial> open = denials.openForClaim(claimId).stream()
        .filter(d -> d.remittanceId() == null).reduce((first, later) -> later);
    if (open.isEmpty()) {
      return java.util.Optional.empty();
    }
    DenialRepository.Denial denial = open.get();
    ClaimAdjudication adjudication = remittances.load(remittanceId).adjudication();
    DenialFacts codes = factsOf(adjudication);
    DenialFacts facts = new DenialFacts(codes.payerId() == null ? denial.payerId() : codes.payerId(), codes.groupCode(),
        codes.reasonCodes(), codes.remarkCodes(), denial.remarkText() == null ? "" : denial.remarkText());
    BigDecimal atStake = ledger.claimLedger(claimId).net(Accounts.AR_INSURANCE);
    BigDecimal amount = atStake.signum() > 0 ? atStake : adjudication.charge().max(BigDecimal.ZERO);
    Instant now = clock.instant();
    denials.attachRemittance(denial.id(), remittanceId, facts, amount.setScale(2, RoundingMode.HALF_UP));
    remittances.markTaken(remittanceId, now);
    claims.addEvent(claimId, "DENIAL", "REMITTANCE_ATTACHED", "835 for the denial open from the claim status: "
        + (facts.groupCode() == null ? "" : facts.groupCode() + "-") + String.join(",", facts.reasonCodes())
        + ", denied " + amount.setScale(2, RoundingMode.HALF_UP), "system", now);
    if ("ANALYST".equals(denial.classifiedBy())) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(route(denial.id(), classify(denial.id(), claimId, facts)));
  }

  /** The denial's codes as the classifiers read them: the patient's share (PR 1, 2, 3) is not a denial reason. */
  static DenialFacts factsOf(ClaimAdjudication adjudication) {
    return factsOf(adjudication.payerId(), adjudication.adjustments(), adjudication.remarkCodes());
  }

  static DenialFacts factsOf(String payerId, List<ClaimAdjudication.Adjustment> adjustments, List<String> remarkCodes) {
    String group = null;
    Set<String> reasons = new LinkedHashSet<>();
    for (ClaimAdjudication.Adjustment adjustment : adjustments) {
      if ("PR".equals(adjustment.groupCode()) && List.of("1", "2", "3").contains(adjustment.reasonCode())) {
        continue;
      }
      if (group == null) {
        group = adjustment.groupCode();
      }
      reasons.add(adjustment.reasonCode());
    }
    return new DenialFacts(payerId, group, new ArrayList<>(reasons), remarkCodes, "");
  }

  /** The table first (each reason code in turn), the model for what no row covers. Every prediction is logged. */
  Finding classify(UUID denialId, UUID claimId, DenialFacts facts) {
    Instant now = clock.instant();
    for (String reason : facts.reasonCodes()) {
      Map<String, Object> inputs = new HashMap<>();
      inputs.put("groupCode", facts.groupCode());
      inputs.put("reasonCode", reason);
      inputs.put("remarkCodes", facts.remarkCodes());
      PolicyDecisions.Outcome outcome = decisions.evaluate(ROOT_CAUSE_DECISION, inputs);
      if (!outcome.matchedRules().isEmpty()) {
        PolicyDecisions.MatchedRule rule = outcome.matchedRules().get(0);
        TableMatch match = new TableMatch(RootCause.valueOf((String) rule.outputs().get("rootCause")),
            (String) rule.outputs().get("suggestedAction"), rule.ruleId(), outcome.decisionVersion());
        claims.addDecision(claimId, outcome.decisionKey(), outcome.decisionVersion(), rule.ruleId(),
            facts.groupCode() + "-" + reason + " -> " + match.rootCause(), now);
        denials.classify(denialId, match.rootCause(), match.source(), 1.0, match.suggestedAction());
        return match;
      }
    }
    RootCauseClassifier.Prediction p = models.classifier().predict(facts);
    ModelPrediction prediction = new ModelPrediction(p.rootCause(), p.confidence(), SuggestedActions.of(p.rootCause()),
        p.topFeatures(), p.modelVersion());
    denials.logPrediction(denialId, "root-cause", p.modelVersion(), facts.describe(), p.rootCause().name(),
        p.confidence(), p.topFeatures(), now);
    denials.classify(denialId, p.rootCause(), prediction.source(), p.confidence(), prediction.suggestedAction());
    return prediction;
  }

  /** P(recovery), priority by expected recovery, the owning team's queue (or triage), due before the appeal deadline. */
  Routing route(UUID denialId, Finding finding) {
    DenialRepository.Denial denial = denials.find(denialId).orElseThrow();
    boolean triage = finding instanceof ModelPrediction m && m.confidence() < properties.confidenceThreshold();
    int[] prior = denials.priorAppeals(denial.payerId(), finding.rootCause());
    int age = (int) Math.max(0, ChronoUnit.DAYS.between(denial.deniedOn(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
    RecoveryHistory.Case recoveryCase = new RecoveryHistory.Case(denial.payerId() == null ? "-" : denial.payerId(),
        finding.rootCause(), denial.deniedAmount(), age, prior[0], prior[1]);
    double probability = models.recovery().probability(recoveryCase);
    BigDecimal expected = denial.deniedAmount().multiply(BigDecimal.valueOf(probability)).setScale(2, RoundingMode.HALF_UP);
    denials.logPrediction(denialId, "recovery", models.recovery().version(),
        recoveryCase.toString().replace("RecoveryHistory.Case", ""), expected.signum() > 0 ? "RECOVERY" : "NONE",
        probability, List.of("payer=" + recoveryCase.payerId(), "cause=" + finding.rootCause(),
            "amount=" + denial.deniedAmount(), "age=" + age + "d", "prior appeals " + prior[1] + "/" + prior[0] + " won"),
        clock.instant());
    LocalDate deadline = denial.deniedOn().plusDays(properties.appealWindowDays(denial.payerId()));
    FacilityDirectory.KnownFacility facility = facilities.byId(denial.facilityId()).orElse(null);
    WorkQueueRouter.Route route = triage
        ? router.route(denial.claimId(), "DENIAL_TRIAGE", denial.deniedAmount())
        : router.route(denial.claimId(), "DENIAL", denial.deniedAmount(), new WorkQueueRouter.Context(
            finding.rootCause().name(), denial.facilityId(), facility == null ? null : facility.type(), null));
    Date latest = Date.from(deadline.minusDays(DAYS_BEFORE_DEADLINE).atStartOfDay(ZoneOffset.UTC).toInstant());
    Date due = route.due().before(latest) ? route.due() : latest;
    denials.route(denialId, route.queue(), probability, expected, deadline);
    return new Routing(denialId, finding, triage, route.queue(), priority(expected), due, probability, expected, deadline);
  }

  /** Task priority 0..100 from expected recovery on a log scale: 100 USD is 40, 1,000 is 60, 100,000 is 100. */
  static int priority(BigDecimal expectedRecovery) {
    double v = 20 * Math.log10(1 + Math.max(0, expectedRecovery.doubleValue()));
    return (int) Math.max(0, Math.min(100, Math.round(v)));
  }

  /**
   * An analyst's root cause on triage: stored as a labelled example (the classifier learns it on
   * its next training) and the denial goes to the team that owns the cause.
   */
  @Transactional
  public Routing recordRootCause(UUID denialId, RootCause rootCause, String analyst) {
    DenialRepository.Denial denial = denials.find(denialId).orElseThrow();
    Instant now = clock.instant();
    denials.addLabelledExample(denialId, denial.facts(), rootCause, denial.rootCause() == null ? null : denial.rootCause().name(),
        analyst == null ? "unknown" : analyst, now);
    AnalystLabel label = new AnalystLabel(rootCause, SuggestedActions.of(rootCause), analyst);
    denials.classify(denialId, rootCause, label.source(), 1.0, label.suggestedAction());
    claims.addEvent(denial.claimId(), "DENIAL", "TRIAGED", "root cause " + rootCause.label()
        + (denial.rootCause() == null || denial.rootCause() == rootCause ? "" : " (model said " + denial.rootCause().label() + ")"),
        analyst == null ? "system" : analyst, now);
    return route(denialId, label);
  }

  /**
   * A payer letter brought the payer's words about a denial the classifier placed from its codes
   * alone: the classifier reads them too (the prediction is logged). When it now names another root
   * cause with confidence at or above the threshold, the denial is reclassified and routed again;
   * empty when nothing changes. A root cause from the table or an analyst, or a denial already
   * worked, stays as it is.
   */
  @Transactional
  public java.util.Optional<Routing> reconsider(UUID denialId, String remarkText) {
    DenialRepository.Denial denial = denials.find(denialId).orElseThrow();
    if (denial.outcome() != null || !"MODEL".equals(denial.classifiedBy()) || remarkText == null || remarkText.isBlank()) {
      return java.util.Optional.empty();
    }
    DenialFacts facts = new DenialFacts(denial.payerId(), denial.groupCode(), denial.reasonCodes(), denial.remarkCodes(),
        remarkText);
    RootCauseClassifier.Prediction p = models.classifier().predict(facts);
    Instant now = clock.instant();
    denials.logPrediction(denialId, "root-cause", p.modelVersion(), facts.describe(), p.rootCause().name(),
        p.confidence(), p.topFeatures(), now);
    if (p.rootCause() == denial.rootCause() || p.confidence() < properties.confidenceThreshold()) {
      return java.util.Optional.empty();
    }
    ModelPrediction prediction = new ModelPrediction(p.rootCause(), p.confidence(), SuggestedActions.of(p.rootCause()),
        p.topFeatures(), p.modelVersion());
    denials.classify(denialId, p.rootCause(), prediction.source(), p.confidence(), prediction.suggestedAction());
    claims.addEvent(denial.claimId(), "DENIAL", "RECLASSIFIED", "root cause " + p.rootCause().label() + " (was "
        + (denial.rootCause() == null ? "-" : denial.rootCause().label()) + ") from the payer's letter", "system", now);
    return java.util.Optional.of(route(denialId, prediction));
  }

  public DenialRepository.Denial denial(UUID denialId) {
    return denials.find(denialId).orElseThrow();
  }

  /** The claim's latest denial, if nobody has finished working it. */
  public java.util.Optional<DenialRepository.Denial> latestOpen(UUID claimId) {
    return denials.latestForClaim(claimId).filter(d -> d.outcome() == null || "APPEAL_LOST".equals(d.outcome()));
  }

  /** The outcome of the latest denial of a claim: resubmitted, written off (by the delegates of denial/). */
  @Transactional
  public void resolveLatest(UUID claimId, String outcome, BigDecimal recovered, String by) {
    denials.latestForClaim(claimId).filter(d -> d.outcome() == null || "APPEAL_LOST".equals(d.outcome()))
        .ifPresent(d -> denials.resolve(d.id(), outcome, recovered, by == null ? "system" : by, clock.instant()));
  }

  /** The payer answered the appeal: won (with what it will pay) or lost. */
  @Transactional
  public void recordAppealOutcome(UUID denialId, boolean won, BigDecimal recovered, String by) {
    DenialRepository.Denial denial = denials.find(denialId).orElseThrow();
    if (won && (recovered == null || recovered.signum() <= 0 || recovered.compareTo(denial.deniedAmount()) > 0)) {
      throw new IllegalArgumentException("Recovered amount " + recovered + " must be above zero and at most the denied "
          + denial.deniedAmount() + " (denial " + denialId + ")");
    }
    Instant now = clock.instant();
    BigDecimal amount = won ? recovered.setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO.setScale(2);
    denials.resolve(denialId, won ? "APPEAL_WON" : "APPEAL_LOST", amount, by == null ? "system" : by, now);
    if (won && denial.ofLines()) {
      // the claim was paid apart from these lines: it is back with the payer, whose reprocessed
      // remittance goes to the claim's process (remittance posting hands decisions to it while ACCEPTED)
      claims.updateStatus(denial.claimId(), org.revcycle.claim.ClaimStatus.ACCEPTED, now);
    }
    claims.addEvent(denial.claimId(), "DENIAL", won ? "APPEAL_WON" : "APPEAL_LOST", "recovered " + amount,
        by == null ? "system" : by, now);
  }

  /**
   * The claim's process took a payer's decision: when it answers a denial worked by a replacement
   * claim or a won appeal, what the payer paid after that denial was resolved (every remittance for
   * the claim since, a reversal of the original counting negative) is the denial's recovered amount.
   * A decision that denies the claim again recovers nothing (the new denial is worked on its own).
   */
  @Transactional
  public java.util.Optional<BigDecimal> recordRecovery(UUID claimId, UUID remittanceId, boolean deniedAgain) {
    java.util.Optional<DenialRepository.Denial> worked = denials.awaitingRecovery(claimId)
        .filter(d -> !remittanceId.equals(d.remittanceId()) && d.resolvedAt() != null);
    if (worked.isEmpty()) {
      return java.util.Optional.empty();
    }
    DenialRepository.Denial denial = worked.get();
    BigDecimal paid = deniedAgain ? BigDecimal.ZERO : denials.paidAfter(claimId, denial.resolvedAt());
    BigDecimal recovered = paid.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
    Instant now = clock.instant();
    denials.recovered(denial.id(), recovered, remittanceId, now);
    claims.addEvent(claimId, "DENIAL", "RECOVERED", "payer paid " + recovered + " after the denial was "
        + ("RESUBMITTED".equals(denial.outcome()) ? "resubmitted" : "appealed") + " (denied " + denial.deniedAmount() + ")",
        "system", now);
    return java.util.Optional.of(recovered);
  }

  /** The claim is being voided: every denial still open on it is closed as VOIDED, recovering nothing. */
  @Transactional
  public int closeOnVoid(UUID claimId, String by, Instant at) {
    List<DenialRepository.Denial> open = denials.openForClaim(claimId);
    for (DenialRepository.Denial denial : open) {
      denials.resolve(denial.id(), "VOIDED", BigDecimal.ZERO.setScale(2), by == null ? "system" : by, at);
      claims.addEvent(claimId, "DENIAL", "VOIDED", "denial " + denial.id() + " closed: the claim is voided",
          by == null ? "system" : by, at);
    }
    return open.size();
  }

  /** The appeal deadline came with no answer recorded: on the claim's timeline (the delegate raises the task). */
  @Transactional
  public void appealOverdue(UUID denialId) {
    DenialRepository.Denial denial = denials.find(denialId).orElseThrow();
    claims.addEvent(denial.claimId(), "DENIAL", "APPEAL_OVERDUE", "appeal deadline " + denial.appealDeadline()
        + " passed with no answer recorded", "system", clock.instant());
  }
}
