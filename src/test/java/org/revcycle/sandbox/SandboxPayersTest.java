package org.revcycle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.revcycle.sandbox.TestClaims.TODAY;
import static org.revcycle.sandbox.TestClaims.claims;
import static org.revcycle.sandbox.TestClaims.line;
import static org.revcycle.sandbox.TestClaims.replacement;
import static org.revcycle.sandbox.TestClaims.with;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.revcycle.claim.ClaimSubmission;
import org.revcycle.claim.ClaimType;
import org.revcycle.remittance.ClaimAdjudication;
import org.revcycle.remittance.ClaimAdjudication.Adjustment;
import org.revcycle.sandbox.SandboxPayers.FrontEndResult;
import org.revcycle.sandbox.SandboxPayers.Probabilities;

class SandboxPayersTest {

  private static final SandboxNetwork NETWORK = new SandboxNetwork();
  private static final LocalDate PAID_ON = TODAY.plusDays(14);
  private static final Probabilities NEVER = new Probabilities(0, 0);

  private static List<ClaimSubmission> generated;
  private static List<ClaimSubmission> clean;
  private final SandboxPayers payers = new SandboxPayers(NETWORK, 99L, Probabilities.DEFAULTS);

  @BeforeAll
  static void generate() {
    generated = claims(NETWORK, 11L, 4_000, 0.03, 0.03);
    clean = claims(NETWORK, 12L, 4_000, 0, 0);
  }

  @Test
  void everyAdjudicationBalancesToTheCent() {
    List<ClaimAdjudication> results = adjudicateAccepted(payers, generated);

    assertThat(results).hasSizeGreaterThan(3_000).allSatisfy(a -> {
      assertThat(a.balances()).as(a.toString()).isTrue();
      assertThat(a.charge().scale()).isEqualTo(2);
      assertThat(a.paid().scale()).isEqualTo(2);
      assertThat(a.patientResponsibility().scale()).isEqualTo(2);
      assertThat(a.adjustments()).allSatisfy(x -> assertThat(x.amount().scale()).isEqualTo(2));
      assertThat(a.paid().signum()).isNotNegative();
      assertThat(a.patientResponsibility().signum()).isNotNegative();
      assertThat(a.statusCode()).isIn("1", "4");
      assertThat(a.payerClaimNumber()).startsWith(a.payerId());
      if (a.denied()) {
        assertThat(a.paid()).isEqualByComparingTo("0");
        assertThat(a.adjustments()).singleElement()
            .satisfies(x -> assertThat(x.groupCode()).isEqualTo("CO"))
            .satisfies(x -> assertThat(x.amount()).isEqualTo(a.charge()));
      } else {
        // contractual write-down, line denials (non-covered, bundled, not supported), patient share
        assertThat(a.adjustments()).allSatisfy(x -> assertThat(x.groupCode() + x.reasonCode())
            .isIn("CO45", "CO96", "CO97", "CO50", "PR1", "PR2", "PR3"));
      }
    });
  }

  @Test
  void sameClaimSameAnswerWhateverTheOrder() {
    List<ClaimSubmission> accepted = generated.stream().filter(c -> payers.check(c).accepted()).toList();
    Map<String, ClaimAdjudication> forward = adjudicateAll(payers, accepted);
    List<ClaimSubmission> reversed = new ArrayList<>(accepted);
    Collections.reverse(reversed);
    Map<String, ClaimAdjudication> backward =
        adjudicateAll(new SandboxPayers(NETWORK, 99L, Probabilities.DEFAULTS), reversed);

    assertThat(backward).isEqualTo(forward);
    Map<String, ClaimAdjudication> otherSeed =
        adjudicateAll(new SandboxPayers(NETWORK, 100L, Probabilities.DEFAULTS), accepted);
    assertThat(otherSeed).isNotEqualTo(forward);
  }

  @Test
  void coverageEndedBeforeTheVisitIsDeniedWithCarc27() {
    ClaimSubmission claim = with(clean.get(0), b -> {
      b.coverageStart = b.serviceDate.minusYears(2);
      b.coverageEnd = b.serviceDate.minusDays(3);
    });
    ClaimSubmission notYet = with(clean.get(1), b -> b.coverageStart = b.serviceDate.plusDays(1));

    for (ClaimSubmission c : List.of(claim, notYet)) {
      ClaimAdjudication a = new SandboxPayers(NETWORK, 1L, NEVER).adjudicate(c, PAID_ON);
      assertThat(a.statusCode()).isEqualTo("4");
      assertThat(a.paid()).isEqualByComparingTo("0.00");
      assertThat(a.adjustments()).containsExactly(new Adjustment("CO", "27", c.totalCharge()));
      assertThat(a.balances()).isTrue();
    }
  }

  @Test
  void missingPriorAuthorizationIsDeniedWithCarc197() {
    ClaimSubmission mri = with(clean.get(0), b -> {
      b.claimType = ClaimType.PROFESSIONAL;
      b.priorAuthorization = null;
      b.diagnoses = List.of("R51.9");  // a headache supports the MRI: only the authorization is missing
      b.lines = List.of(line(1, "70553", null, "2800.00"));
    });
    ClaimSubmission inpatient = with(clean.get(0), b -> {
      b.claimType = ClaimType.INSTITUTIONAL;
      b.payerId = "CMA";
      b.memberId = "LMH123456789";
      b.dischargeDate = b.serviceDate.plusDays(3);
      b.priorAuthorization = null;
      b.lines = List.of(line(1, null, "0120", "7500.00"), line(2, null, "0250", "812.40"));
    });
    SandboxPayers strict = new SandboxPayers(NETWORK, 1L, NEVER);

    for (ClaimSubmission c : List.of(mri, inpatient)) {
      ClaimAdjudication a = strict.adjudicate(c, PAID_ON);
      assertThat(a.statusCode()).isEqualTo("4");
      assertThat(a.adjustments()).containsExactly(new Adjustment("CO", "197", c.totalCharge()));
      assertThat(a.remarkCodes()).containsExactly("M62");
    }
    // With the authorization on the claim, and for a Medicare stay, the same services are paid.
    assertThat(strict.adjudicate(with(mri, b -> b.priorAuthorization = "PA1234567890"), PAID_ON).denied()).isFalse();
    ClaimSubmission medicareStay = with(inpatient, b -> {
      b.payerId = "MCR";
      b.memberId = "1EG4TE5MK73";
    });
    assertThat(strict.adjudicate(medicareStay, PAID_ON).denied()).isFalse();
  }

  @Test
  void theDenyTestValueDeniesTheOriginalWithThatReasonAndPaysItsReplacement() {
    ClaimSubmission original = with(clean.get(0), b -> b.priorAuthorization = SandboxPayers.DENY_TEST_VALUE + "50");
    SandboxPayers strict = new SandboxPayers(NETWORK, 1L, NEVER);

    ClaimAdjudication denied = strict.adjudicate(original, PAID_ON);
    assertThat(denied.denied()).isTrue();
    assertThat(denied.adjustments()).containsExactly(new Adjustment("CO", "50", original.totalCharge()));
    assertThat(denied.balances()).isTrue();
    assertThat(strict.adjudicate(replacement(original, "7", denied.payerClaimNumber()), PAID_ON).denied()).isFalse();
  }

  @Test
  void generatedDefectsLeadToTheirDenials() {
    List<ClaimAdjudication> results = adjudicateAccepted(payers, claims(NETWORK, 13L, 2_000, 0.2, 0.2));

    assertThat(results).anyMatch(a -> carc(a).equals("27")).anyMatch(a -> carc(a).equals("197"));
  }

  @Test
  void randomDenialsAreRoughlyAtTheConfiguredRateAndOnlyForWhatThePayerAloneSees() {
    SandboxPayers none = new SandboxPayers(NETWORK, 99L, new Probabilities(0, 0, 0));
    SandboxPayers some = new SandboxPayers(NETWORK, 99L, new Probabilities(0.08, 0, 0));
    List<ClaimSubmission> accepted = clean.stream().filter(c -> none.check(c).accepted()).toList();
    Map<String, ClaimAdjudication> without = adjudicateAll(none, accepted);
    Map<String, ClaimAdjudication> with = adjudicateAll(some, accepted);

    List<ClaimAdjudication> randomlyDenied = with.values().stream()
        .filter(a -> a.denied() && !without.get(a.patientControlNumber()).denied()).toList();
    double rate = (double) randomlyDenied.size() / accepted.size();
    assertThat(rate).isBetween(0.05, 0.11);
    assertThat(randomlyDenied).extracting(SandboxPayersTest::carc).containsOnly("16", "50", "97", "96", "22")
        .contains("16", "50", "97");
    assertThat(randomlyDenied).filteredOn(a -> carc(a).equals("16"))
        .allSatisfy(a -> assertThat(a.remarkCodes()).singleElement().isIn("MA130", "N290"));
    // with no randomness, a clean claim is denied only for something in the claim itself
    assertThat(without.values()).filteredOn(ClaimAdjudication::denied).extracting(SandboxPayersTest::carc)
        .doesNotContain("16", "27", "197", "18");
  }

  @Test
  void paidClaimsFollowTheFeeScheduleAndCostSharing() {
    List<ClaimSubmission> accepted = clean.stream().filter(c -> payers.check(c).accepted()).toList();
    List<ClaimAdjudication> paid = adjudicateAccepted(payers, clean).stream().filter(a -> !a.denied()).toList();
    Map<String, ClaimSubmission> byPcn =
        accepted.stream().collect(Collectors.toMap(ClaimSubmission::patientControlNumber, Function.identity()));

    // with no line denied, the write-down is exactly charge minus the fee schedule's allowed amount
    List<ClaimAdjudication> whole = paid.stream()
        .filter(a -> a.adjustments().stream().noneMatch(x -> List.of("50", "96", "97").contains(x.reasonCode())))
        .toList();
    assertThat(whole).hasSizeGreaterThan(2_000).allSatisfy(a -> {
      ClaimSubmission claim = byPcn.get(a.patientControlNumber());
      BigDecimal allowed = payers.allowed(claim);
      assertThat(sum(a, "CO", "45")).as(a.patientControlNumber()).isEqualByComparingTo(a.charge().subtract(allowed));
      assertThat(a.paid().add(a.patientResponsibility())).isEqualByComparingTo(allowed);
    });
    // Medicare pays about a third of charges here (its fee schedule, 30% of hospital charges); CMB most
    assertThat(ratio(paid.stream().filter(a -> a.payerId().equals("MCR")).toList())).isBetween(0.25, 0.40);
    assertThat(ratio(paid.stream().filter(a -> a.payerId().equals("CMB")).toList())).isBetween(0.55, 0.75);
    double noPatientShare =
        (double) paid.stream().filter(a -> a.patientResponsibility().signum() == 0).count() / paid.size();
    assertThat(noPatientShare).isBetween(0.2, 0.45);
    assertThat(paid).filteredOn(a -> a.payerId().startsWith("MC") && !a.payerId().equals("MCR"))
        .allSatisfy(a -> assertThat(a.patientResponsibility()).isEqualByComparingTo("0"));
    assertThat(paid).flatExtracting(ClaimAdjudication::adjustments)
        .extracting(x -> x.groupCode() + x.reasonCode()).contains("CO45", "PR1", "PR2", "PR3");
    // Medicare has no copays; commercial plans do
    assertThat(paid).filteredOn(a -> a.payerId().equals("MCR")).flatExtracting(ClaimAdjudication::adjustments)
        .extracting(x -> x.groupCode() + x.reasonCode()).doesNotContain("PR3");
  }

  private static BigDecimal sum(ClaimAdjudication a, String group, String carc) {
    return a.adjustments().stream().filter(x -> x.groupCode().equals(group) && x.reasonCode().equals(carc))
        .map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void aReplacementAfterADenialIsUsuallyPaid() {
    Map<ClaimSubmission, ClaimAdjudication> denied = clean.stream().filter(c -> payers.check(c).accepted())
        .collect(Collectors.toMap(Function.identity(), c -> payers.adjudicate(c, PAID_ON)))
        .entrySet().stream().filter(e -> e.getValue().denied())
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(denied).hasSizeGreaterThan(100);

    long paid = denied.entrySet().stream()
        .map(e -> payers.adjudicate(replacement(e.getKey(), "7", e.getValue().payerClaimNumber()), PAID_ON.plusDays(30)))
        .filter(a -> !a.denied()).count();
    assertThat((double) paid / denied.size()).isGreaterThan(0.9);
  }

  @Test
  void aVoidReversesWhatWasDecided() {
    ClaimSubmission claim = clean.stream().filter(c -> payers.check(c).accepted())
        .filter(c -> !payers.adjudicate(c, PAID_ON).denied()).findFirst().orElseThrow();
    ClaimAdjudication original = payers.adjudicate(claim, PAID_ON);

    ClaimAdjudication reversal =
        payers.adjudicate(replacement(claim, "8", original.payerClaimNumber()), PAID_ON.plusDays(7));

    assertThat(reversal.statusCode()).isEqualTo("22");
    assertThat(reversal.paid()).isEqualByComparingTo(original.paid().negate());
    assertThat(reversal.charge()).isEqualByComparingTo(original.charge().negate());
    assertThat(reversal.payerClaimNumber()).isEqualTo(original.payerClaimNumber());
    assertThat(reversal.balances()).isTrue();
  }

  @Test
  void claimsPaidTheSameDayByTheSamePayerShareOneTrace() {
    List<ClaimAdjudication> results = adjudicateAccepted(payers, clean);
    Map<String, List<String>> tracesByPayer = results.stream().collect(Collectors.groupingBy(
        ClaimAdjudication::payerId, Collectors.mapping(ClaimAdjudication::traceNumber, Collectors.toList())));

    assertThat(tracesByPayer).allSatisfy((payer, traces) -> assertThat(traces).containsOnly(traces.get(0)));
    assertThat(tracesByPayer.values().stream().map(t -> t.get(0)).toList()).doesNotHaveDuplicates();
    ClaimSubmission claim = clean.get(0);
    assertThat(payers.adjudicate(claim, PAID_ON.plusDays(1)).traceNumber())
        .isNotEqualTo(payers.adjudicate(claim, PAID_ON).traceNumber());
  }

  @Test
  void frontEndRejectionsNameTheField() {
    SandboxPayers strict = new SandboxPayers(NETWORK, 1L, NEVER);
    ClaimSubmission claim = clean.stream().filter(c -> c.claimType() == ClaimType.PROFESSIONAL).findFirst().orElseThrow();
    assertThat(strict.check(claim).accepted()).isTrue();

    assertRejected(strict.check(with(claim, b -> b.memberId = "123456789A")), "memberId:");
    assertRejected(strict.check(with(claim, b -> b.payerId = "ZZZ")), "payerId:");
    assertRejected(strict.check(with(claim, b -> b.diagnoses = List.of())), "diagnoses:");
    assertRejected(strict.check(with(claim, b -> b.lines = List.of())), "lines:");
    assertRejected(strict.check(with(claim, b -> b.lines = List.of(line(1, null, null, "150.00")))),
        "lines[1].procedureCode:");
    assertRejected(strict.check(with(claim, b -> {
      b.claimType = ClaimType.INSTITUTIONAL;
      b.lines = List.of(line(1, "71046", "0320", "400.00"), line(2, "80053", null, "150.00"));
    })), "lines[2].revenueCode:");
    assertRejected(strict.check(with(claim, b -> b.billingNpi = "1234567890")), "billingNpi:");
    assertRejected(strict.check(replacement(claim, "7", null)), "payerClaimNumber:");
    assertThatThrownBy(() -> strict.adjudicate(with(claim, b -> b.payerId = "ZZZ"), PAID_ON))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payerId");
  }

  @Test
  void randomFrontEndRejectionsAreRareAndNameAField() {
    List<FrontEndResult> results = clean.stream().map(payers::check).toList();
    double rejected = (double) results.stream().filter(r -> !r.accepted()).count() / results.size();

    assertThat(rejected).isBetween(0.005, 0.04);
    SandboxPayers picky = new SandboxPayers(NETWORK, 1L, new Probabilities(0, 1));
    assertThat(clean.subList(0, 200)).allSatisfy(c -> {
      FrontEndResult r = picky.check(c);
      assertThat(r.accepted()).isFalse();
      assertThat(r.reasons()).singleElement().asString().matches("[a-zA-Z]+: .+");
    });
    assertThat(clean.subList(0, 200)).extracting(c -> picky.check(c).reasons().get(0))
        .anyMatch(s -> s.contains("Subscriber not found"));
  }

  @Test
  void probabilitiesMustBeProbabilities() {
    assertThatThrownBy(() -> new Probabilities(1.5, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Probabilities(0, -0.1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertRejected(FrontEndResult result, String field) {
    assertThat(result.accepted()).isFalse();
    assertThat(result.reasons()).anyMatch(r -> r.startsWith(field));
  }

  private static List<ClaimAdjudication> adjudicateAccepted(SandboxPayers payers, List<ClaimSubmission> claims) {
    return claims.stream().filter(c -> payers.check(c).accepted()).map(c -> payers.adjudicate(c, PAID_ON)).toList();
  }

  private static Map<String, ClaimAdjudication> adjudicateAll(SandboxPayers payers, List<ClaimSubmission> claims) {
    return claims.stream().collect(Collectors.toMap(ClaimSubmission::patientControlNumber,
        c -> payers.adjudicate(c, PAID_ON)));
  }

  private static String carc(ClaimAdjudication a) {
    return a.denied() ? a.adjustments().get(0).reasonCode() : "";
  }

  /** Allowed (charge less the contractual write-down) over charge, for a payer's paid claims. */
  private static double ratio(List<ClaimAdjudication> paid) {
    BigDecimal charge = paid.stream().map(ClaimAdjudication::charge).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal allowed = paid.stream().map(a -> a.paid().add(a.patientResponsibility()))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    return allowed.doubleValue() / charge.doubleValue();
  }
}
