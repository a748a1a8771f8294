package org.revcycle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.revcycle.sandbox.TestClaims.TODAY;
import static org.revcycle.sandbox.TestClaims.line;
import static org.revcycle.sandbox.TestClaims.replacement;
import static org.revcycle.sandbox.TestClaims.with;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.revcycle.claim.ClaimSubmission;
import org.revcycle.claim.ClaimSubmission.Line;
import org.revcycle.claim.ClaimType;
import org.revcycle.remittance.ClaimAdjudication;
import org.revcycle.remittance.ClaimAdjudication.Adjustment;
import org.revcycle.sandbox.SandboxPayers.AcknowledgmentLevel;
import org.revcycle.sandbox.SandboxPayers.Probabilities;
import org.revcycle.sandbox.SandboxPayers.Rejection;
import org.revcycle.x12.CountingControlNumbers;
import org.revcycle.x12.remittance.ClaimPayment;
import org.revcycle.x12.remittance.RemittanceAdvice;
import org.revcycle.x12.remittance.RemittanceAdviceReader;

/**
 * What each sandbox payer does with a claim: its fee schedule, the patient's share by plan, and
 * every denial the claim itself triggers. Every decision made here also goes out as an 835 that
 * reads back clean (balanced per claim and per file).
 */
class SandboxPayerBehaviourTest {

  private static final SandboxNetwork NETWORK = new SandboxNetwork();
  private static final LocalDate DOS = TODAY.minusDays(5);
  private static final LocalDate PAID_ON = TODAY.plusDays(14);
  private static final Map<String, String> MEMBERS = Map.of("MCR", "1EG4TE5MK73", "MCD", "123456789012",
      "MCO", "MG123456781", "CMA", "LMH123456789", "CMB", "TG1234567-01");
  private static final ClaimSubmission BASE = TestClaims.claims(NETWORK, 21L, 200, 0, 0).stream()
      .filter(c -> c.claimType() == ClaimType.PROFESSIONAL).findFirst().orElseThrow();

  private final SandboxPayers payers = new SandboxPayers(NETWORK, 7L, new Probabilities(0, 0, 0));
  private final SandboxRemittanceFiles files =
      new SandboxRemittanceFiles(NETWORK, new CountingControlNumbers(1), TestClaims.CLOCK);
  private final List<ClaimAdjudication> decided = new ArrayList<>();
  private final List<ClaimSubmission> claims = new ArrayList<>();
  private int claimNumber;

  /** A clean office claim for the payer: these lines, these diagnoses, service five days ago. */
  private ClaimSubmission claim(String payerId, List<String> diagnoses, Line... lines) {
    return claim(payerId, MEMBERS.get(payerId), diagnoses, lines);
  }

  private ClaimSubmission claim(String payerId, String memberId, List<String> diagnoses, Line... lines) {
    String pcn = "BEH" + payerId + (++claimNumber);
    return with(BASE, b -> {
      b.patientControlNumber = pcn;
      b.claimType = ClaimType.PROFESSIONAL;
      b.payerId = payerId;
      b.memberId = memberId;
      b.coverageStart = DOS.minusYears(1);
      b.coverageEnd = null;
      b.serviceDate = DOS;
      b.dischargeDate = null;
      b.priorAuthorization = null;
      b.diagnoses = diagnoses;
      b.lines = List.of(lines);
    });
  }

  private ClaimAdjudication adjudicate(ClaimSubmission claim) {
    return adjudicate(payers, claim, PAID_ON);
  }

  private ClaimAdjudication adjudicate(SandboxPayers by, ClaimSubmission claim, LocalDate paidOn) {
    assertThat(by.check(claim).accepted()).as(claim.patientControlNumber()).isTrue();
    ClaimAdjudication a = by.adjudicate(claim, paidOn);
    assertThat(a.balances()).as(a.toString()).isTrue();
    claims.add(claim);
    decided.add(a);
    return a;
  }

  /** Every decision of the test as the 835 the payer sends: it must read back balanced. */
  @AfterEach
  void every835Balances() {
    for (int i = 0; i < decided.size(); i++) {
      ClaimAdjudication a = decided.get(i);
      byte[] x12 = files.write(claims.get(i), a);
      List<RemittanceAdvice> advices = RemittanceAdviceReader.readAll(new ByteArrayInputStream(x12));
      ClaimPayment read = advices.get(0).claims().get(0);
      assertThat(read.patientControlNumber()).isEqualTo(a.patientControlNumber());
      assertThat(read.totalCharge()).isEqualByComparingTo(a.charge());
      assertThat(read.paid()).isEqualByComparingTo(a.paid());
      if ("1".equals(a.statusCode()) || "22".equals(a.statusCode()) && !read.services().isEmpty()) {
        linesBalanceWithTheirClp(claims.get(i), read);
      }
    }
  }

  /**
   * A payment goes out line by line: one SVC per billed line, REF*6R naming the line as the 837
   * did, each SVC balanced (SVC02 − its CAS = SVC03), and the SVCs adding up to their CLP (charge,
   * payment, patient share), with no claim-level CAS left over.
   */
  private static void linesBalanceWithTheirClp(ClaimSubmission claim, ClaimPayment clp) {
    assertThat(clp.services()).as(clp.patientControlNumber()).hasSize(claim.lines().size());
    BigDecimal charges = BigDecimal.ZERO;
    BigDecimal paid = BigDecimal.ZERO;
    BigDecimal patient = BigDecimal.ZERO;
    for (int n = 0; n < clp.services().size(); n++) {
      var svc = clp.services().get(n);
      Line billed = claim.lines().get(n);
      assertThat(svc.lineControlNumber()).isEqualTo(String.valueOf(billed.lineNumber()));
      assertThat(svc.procedureCode()).isEqualTo(billed.procedureCode() != null ? billed.procedureCode() : billed.revenueCode());
      assertThat(svc.charge()).isEqualByComparingTo(clp.totalCharge().signum() < 0 ? billed.charge().negate() : billed.charge());
      BigDecimal cas = svc.adjustments().stream().map(x -> x.amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(svc.charge().subtract(cas)).as("SVC " + (n + 1) + " of " + clp.patientControlNumber())
          .isEqualByComparingTo(svc.paid());
      charges = charges.add(svc.charge());
      paid = paid.add(svc.paid());
      patient = patient.add(svc.adjustments().stream().filter(x -> "PR".equals(x.group())).map(x -> x.amount())
          .reduce(BigDecimal.ZERO, BigDecimal::add));
    }
    assertThat(clp.adjustments()).as("claim-level CAS of a line-level payment").isEmpty();
    assertThat(charges).isEqualByComparingTo(clp.totalCharge());
    assertThat(paid).isEqualByComparingTo(clp.paid());
    assertThat(patient).isEqualByComparingTo(clp.patientResponsibility() == null ? BigDecimal.ZERO : clp.patientResponsibility());
  }

  @Test
  void aPaymentIsSentLineByLineWithThePatientsShareSpreadOverThePaidLines() {
    // a lab panel, an ECG and its bundled tracing: the deductible and coinsurance land on the paid lines
    ClaimAdjudication a = adjudicate(claim("CMA", member("CMA", 4), List.of("R07.9"), at(1, "80053", "90.00", List.of(), DOS),
        at(2, "93000", "90.00", List.of(), DOS), at(3, "93005", "60.00", List.of(), DOS)));

    assertThat(a.denied()).isFalse();
    assertThat(a.lines()).hasSize(3).extracting(ClaimAdjudication.ServiceLine::claimLineNumber).containsExactly(1, 2, 3);
    ClaimAdjudication.ServiceLine bundled = a.lines().get(2);
    assertThat(bundled.paid()).isEqualByComparingTo("0.00");
    assertThat(bundled.adjustments()).containsExactly(new Adjustment("CO", "97", new BigDecimal("60.00")));
    assertThat(a.lines()).allSatisfy(l -> assertThat(l.charge().subtract(l.adjustments().stream()
        .map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add))).isEqualByComparingTo(l.paid()));
    assertThat(a.lines().stream().map(ClaimAdjudication.ServiceLine::paid).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(a.paid());
    assertThat(a.claimLevelAdjustments()).isEmpty();
    assertThat(a.patientResponsibility()).isEqualByComparingTo(sum(a, "PR", "1").add(sum(a, "PR", "2")));
  }

  @Test
  void theShareOfThePatientIsSpreadToTheCentAndNeverAboveALinesAllowedAmount() {
    BigDecimal[] open = {new BigDecimal("10.00"), new BigDecimal("0.00"), new BigDecimal("33.33")};
    BigDecimal[] shares = SandboxPayers.spread(new BigDecimal("43.32"), open);
    assertThat(shares).containsExactly(new BigDecimal("10.00"), new BigDecimal("0.00"), new BigDecimal("33.32"));
    assertThat(open).containsExactly(new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("0.01"));
    BigDecimal[] thirds = SandboxPayers.spread(new BigDecimal("1.00"), new BigDecimal[] {new BigDecimal("5.00"),
        new BigDecimal("5.00"), new BigDecimal("5.00")});
    assertThat(thirds).containsExactly(new BigDecimal("0.34"), new BigDecimal("0.33"), new BigDecimal("0.33"));
  }

  private static Line office(String code, String charge) {
    return line(1, code, null, charge);
  }

  private static Line at(int n, String code, String charge, List<String> modifiers, LocalDate date) {
    return new Line(n, code, modifiers, null, BigDecimal.ONE, new BigDecimal(charge), date);
  }

  private static BigDecimal sum(ClaimAdjudication a, String group, String carc) {
    return a.adjustments().stream().filter(x -> x.groupCode().equals(group) && x.reasonCode().equals(carc))
        .map(Adjustment::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }

  // ---- fee schedules ----

  @ParameterizedTest(name = "{0}: 99214 at 250.00 and 80053 at 70.00 allow {1}")
  @CsvSource({
    "MCR, 140.56",  // Medicare fee schedule: 130.00 + 10.56
    "MCD, 98.39",   // 70% of Medicare per code: 91.00 + 7.39
    "MCO, 110.50",  // share of charges by family: 40% of 250.00 + 15% of 70.00
    "CMA, 190.50",  // share of charges by family: 65% of 250.00 + 40% of 70.00
    "CMB, 196.78"   // 140% of Medicare per code: 182.00 + 14.78
  })
  void eachPayerAllowsWhatItsFeeScheduleSays(String payerId, String allowed) {
    ClaimSubmission claim = claim(payerId, List.of("E11.9"), office("99214", "250.00"),
        line(2, "80053", null, "70.00"));

    ClaimAdjudication a = adjudicate(claim);

    assertThat(payers.allowed(claim)).isEqualByComparingTo(allowed);
    assertThat(a.statusCode()).isEqualTo("1");
    assertThat(sum(a, "CO", "45")).isEqualByComparingTo(new BigDecimal("320.00").subtract(new BigDecimal(allowed)));
    assertThat(a.paid().add(a.patientResponsibility())).isEqualByComparingTo(allowed);
  }

  @ParameterizedTest(name = "{0}: an emergency visit charged 2,000.00 on a hospital claim allows {1}")
  @CsvSource({"MCR, 600.00", "MCD, 520.00", "MCO, 560.00", "CMA, 1100.00", "CMB, 1240.00"})
  void hospitalClaimsArePaidAShareOfCharges(String payerId, String allowed) {
    ClaimSubmission er = with(claim(payerId, List.of("R10.9"), line(1, "99284", "0450", "2000.00")),
        b -> b.claimType = ClaimType.INSTITUTIONAL);

    assertThat(payers.allowed(er)).isEqualByComparingTo(allowed);
    ClaimAdjudication a = adjudicate(er);
    assertThat(a.paid().add(a.patientResponsibility())).isEqualByComparingTo(allowed);
  }

  @Test
  void aFeeAboveTheChargeAllowsTheCharge() {
    ClaimAdjudication a = adjudicate(claim("CMB", List.of("I10"), office("99214", "100.00")));

    assertThat(a.paid().add(a.patientResponsibility())).isEqualByComparingTo("100.00");
    assertThat(sum(a, "CO", "45")).isEqualByComparingTo("0.00");
  }

  // ---- the patient's share ----

  @Test
  void medicaidLeavesThePatientNothing() {
    for (String payer : List.of("MCD", "MCO")) {
      for (int i = 0; i < 20; i++) {
        ClaimAdjudication a = adjudicate(claim(payer, member(payer, i), List.of("I10"), office("99213", "180.00")));
        assertThat(a.patientResponsibility()).isEqualByComparingTo("0.00");
      }
    }
  }

  @ParameterizedTest(name = "{0}: office copay between {1} and {2}")
  @CsvSource({"CMA, 20.00, 40.00", "CMB, 30.00, 50.00"})
  void commercialOfficeVisitsCostTheMemberTheirCopayOnly(String payerId, String from, String to) {
    int withCopay = 0;
    for (int i = 0; i < 40; i++) {
      ClaimAdjudication a = adjudicate(claim(payerId, member(payerId, i), List.of("I10"), office("99214", "260.00")));
      assertThat(sum(a, "PR", "1")).isZero();
      assertThat(sum(a, "PR", "2")).isZero();
      BigDecimal copay = sum(a, "PR", "3");
      if (copay.signum() > 0) {
        withCopay++;
        assertThat(copay).isBetween(new BigDecimal(from), new BigDecimal(to));
      }
    }
    assertThat(withCopay).isGreaterThan(30);  // the rest met their out-of-pocket maximum
  }

  @ParameterizedTest(name = "{0}: deductible, then {1} coinsurance")
  @CsvSource({"MCR, 0.20", "CMA, 0.20", "CMB, 0.10"})
  void otherServicesGoToTheDeductibleThenCoinsurance(String payerId, String rate) {
    int deductibleOpen = 0;
    int deductibleMet = 0;
    for (int i = 0; i < 60; i++) {
      // a lab panel and an X-ray: no office visit, so no copay
      ClaimAdjudication a = adjudicate(claim(payerId, member(payerId, i), List.of("R07.9"),
          office("80053", "90.00"), line(2, "71046", null, "400.00")));
      BigDecimal allowed = a.paid().add(a.patientResponsibility());
      BigDecimal deductible = sum(a, "PR", "1");
      BigDecimal coinsurance = sum(a, "PR", "2");
      assertThat(sum(a, "PR", "3")).isZero();
      if (a.patientResponsibility().signum() == 0) {
        continue;  // out-of-pocket maximum met
      }
      assertThat(coinsurance).as("coinsurance after a deductible of " + deductible)
          .isEqualByComparingTo(allowed.subtract(deductible).multiply(new BigDecimal(rate))
              .setScale(2, RoundingMode.HALF_UP));
      if (deductible.signum() > 0) {
        deductibleOpen++;
      } else {
        deductibleMet++;
      }
    }
    assertThat(deductibleOpen).isPositive();
    assertThat(deductibleMet).isPositive();
  }

  @Test
  void medicarePartADeductibleForAStayAndNoCoinsurance() {
    int stays = 0;
    for (int i = 0; i < 30; i++) {
      ClaimSubmission stay = with(claim("MCR", member("MCR", i), List.of("J18.9"), line(1, null, "0120", "7500.00")),
          b -> {
            b.claimType = ClaimType.INSTITUTIONAL;
            b.dischargeDate = DOS.plusDays(3);
          });
      ClaimAdjudication a = adjudicate(stay);
      assertThat(sum(a, "PR", "2")).isZero();
      assertThat(sum(a, "PR", "1")).isIn(new BigDecimal("0.00"), new BigDecimal("1676.00"));
      stays += sum(a, "PR", "1").signum();
    }
    assertThat(stays).isPositive();
  }

  // ---- denials the claim itself triggers ----

  @Test
  void theSameServicesUnderAnotherClaimNumberAreADuplicate() {
    ClaimSubmission first = claim("CMA", List.of("I10"), office("99213", "180.00"));
    ClaimSubmission again = with(first, b -> b.patientControlNumber = "BEH-RESENT-1");

    assertThat(adjudicate(first).denied()).isFalse();
    ClaimAdjudication duplicate = adjudicate(again);
    assertThat(duplicate.denied()).isTrue();
    assertThat(duplicate.adjustments()).containsExactly(new Adjustment("CO", "18", again.totalCharge()));
    // the first claim asked again (a resend of the same claim) keeps its answer
    assertThat(adjudicate(first).denied()).isFalse();
    // voiding the duplicate takes back a denial: nothing was paid, nothing is recouped
    ClaimAdjudication voided = adjudicate(replacement(again, "8", duplicate.payerClaimNumber()));
    assertThat(voided.statusCode()).isEqualTo("22");
    assertThat(voided.paid()).isEqualByComparingTo("0.00");
    assertThat(voided.adjustments()).containsExactly(new Adjustment("CO", "18", again.totalCharge().negate()));
  }

  @Test
  void otherPrimaryCoverageNotBilledFirstIsDeniedWithCarc22UntilCorrected() {
    ClaimSubmission claim = claim("CMA", "LMH123456722", List.of("I10"), office("99213", "180.00"));

    ClaimAdjudication a = adjudicate(claim);
    assertThat(a.denied()).isTrue();
    assertThat(a.adjustments()).containsExactly(new Adjustment("CO", "22", claim.totalCharge()));
    assertThat(a.remarkCodes()).containsExactly("N479");
    assertThat(adjudicate(replacement(claim, "7", a.payerClaimNumber())).denied()).isFalse();

    // the configured share of members: all of them
    SandboxPayers everyone = new SandboxPayers(NETWORK, 7L, new Probabilities(0, 0, 1));
    assertThat(adjudicate(everyone, claim("CMB", List.of("I10"), office("99213", "180.00")), PAID_ON)
        .adjustments().get(0).reasonCode()).isEqualTo("22");
  }

  @ParameterizedTest(name = "{0}: filing limit {1} days")
  @CsvSource({"CMB, 90", "CMA, 180", "MCR, 365", "MCD, 365"})
  void aClaimPastThePayersFilingLimitIsDeniedWithCarc29(String payerId, int days) {
    ClaimSubmission claim = claim(payerId, List.of("I10"), office("99213", "180.00"));

    assertThat(adjudicate(payers, claim, DOS.plusDays(days)).denied()).isFalse();
    ClaimAdjudication late = adjudicate(payers, claim, DOS.plusDays(days + 1));
    assertThat(late.denied()).isTrue();
    assertThat(late.adjustments()).containsExactly(new Adjustment("CO", "29", claim.totalCharge()));
  }

  @Test
  void aBundledPairIsDeniedOnTheIncludedLineWithCarc97UnlessADistinctServiceModifierSaysOtherwise() {
    ClaimAdjudication a = adjudicate(claim("CMA", List.of("R07.9"), at(1, "93000", "90.00", List.of(), DOS),
        at(2, "93005", "60.00", List.of(), DOS)));
    assertThat(a.denied()).isFalse();
    assertThat(sum(a, "CO", "97")).isEqualByComparingTo("60.00");
    assertThat(a.remarkCodes()).containsExactly("M15");
    assertThat(a.paid().add(a.patientResponsibility())).isEqualByComparingTo("54.00");  // 60% of 90.00 only

    ClaimAdjudication distinct = adjudicate(claim("CMA", List.of("R07.9"), at(1, "93000", "90.00", List.of(), DOS),
        at(2, "93005", "60.00", List.of("59"), DOS)));
    assertThat(sum(distinct, "CO", "97")).isZero();
    ClaimAdjudication otherDay = adjudicate(claim("CMA", List.of("R07.9"), at(1, "93000", "90.00", List.of(), DOS),
        at(2, "93005", "60.00", List.of(), DOS.minusDays(1))));
    assertThat(sum(otherDay, "CO", "97")).isZero();
  }

  @Test
  void aReplacementOfAPaidClaimIsPrecededByTheEarlierDecisionTakenBackLineByLine() {
    ClaimSubmission original = claim("CMA", List.of("R07.9"), at(1, "93000", "90.00", List.of(), DOS),
        at(2, "93005", "60.00", List.of(), DOS));
    ClaimAdjudication paid = adjudicate(original);
    assertThat(sum(paid, "CO", "97")).as("a line denied inside a paid claim").isEqualByComparingTo("60.00");

    ClaimSubmission corrected = replacement(original, "7", paid.payerClaimNumber());
    ClaimAdjudication back = payers.takeBackBeforeReplacement(paid, PAID_ON.plusDays(30)).orElseThrow();
    decided.add(back);
    claims.add(corrected);

    assertThat(back.statusCode()).isEqualTo("22");
    assertThat(back.payerClaimNumber()).isEqualTo(paid.payerClaimNumber());
    assertThat(back.paymentDate()).isEqualTo(PAID_ON.plusDays(30));
    assertThat(back.charge()).isEqualByComparingTo(paid.charge().negate());
    assertThat(back.paid()).isEqualByComparingTo(paid.paid().negate());
    assertThat(back.patientResponsibility()).isEqualByComparingTo(paid.patientResponsibility().negate());
    assertThat(back.lines()).hasSameSizeAs(paid.lines());
    for (int i = 0; i < paid.lines().size(); i++) {
      assertThat(back.lines().get(i).paid()).isEqualByComparingTo(paid.lines().get(i).paid().negate());
      assertThat(back.lines().get(i).lineControlNumber()).isEqualTo(paid.lines().get(i).lineControlNumber());
      assertThat(back.lines().get(i).adjustments()).hasSameSizeAs(paid.lines().get(i).adjustments());
    }
    assertThat(back.balances()).isTrue();

    // a whole-claim denial moved no money, and a reversal is not taken back again
    ClaimAdjudication denied = adjudicate(claim("CMA", "LMH123456722", List.of("I10"), office("99213", "180.00")));
    assertThat(denied.denied()).isTrue();
    assertThat(payers.takeBackBeforeReplacement(denied, PAID_ON)).isEmpty();
    assertThat(payers.takeBackBeforeReplacement(back, PAID_ON)).isEmpty();
  }

  @Test
  void aNonCoveredServiceIsDeniedWithCarc96AndTheWholeClaimWhenNothingElseIsCovered() {
    ClaimSubmission physical = claim("MCR", List.of("Z00.00"), office("99396", "250.00"));
    ClaimAdjudication whole = adjudicate(physical);
    assertThat(whole.denied()).isTrue();
    assertThat(whole.adjustments()).containsExactly(new Adjustment("CO", "96", physical.totalCharge()));
    assertThat(whole.remarkCodes()).containsExactly("N130");

    ClaimAdjudication part = adjudicate(claim("MCR", List.of("Z00.00", "E78.5"), office("99396", "250.00"),
        line(2, "80061", null, "70.00")));
    assertThat(part.denied()).isFalse();
    assertThat(sum(part, "CO", "96")).isEqualByComparingTo("250.00");

    // the same physical is covered by a commercial plan; CMB excludes manual therapy
    assertThat(adjudicate(claim("CMA", List.of("Z00.00"), office("99396", "250.00"))).denied()).isFalse();
    ClaimAdjudication therapy = adjudicate(claim("CMB", List.of("M54.50"), office("97110", "70.00"),
        line(2, "97140", null, "65.00")));
    assertThat(sum(therapy, "CO", "96")).isEqualByComparingTo("65.00");
  }

  @Test
  void aServiceTheDiagnosesDoNotSupportIsDeniedWithCarc50() {
    ClaimAdjudication a = adjudicate(claim("MCR", List.of("I10"), office("99214", "260.00"),
        line(2, "83036", null, "45.00")));
    assertThat(a.denied()).isFalse();
    assertThat(sum(a, "CO", "50")).isEqualByComparingTo("45.00");
    assertThat(a.remarkCodes()).containsExactly("N115");

    ClaimAdjudication supported = adjudicate(claim("MCR", List.of("E11.9", "I10"), office("99214", "260.00"),
        line(2, "83036", null, "45.00")));
    assertThat(sum(supported, "CO", "50")).isZero();

    ClaimSubmission mriForAnAnkle = with(claim("CMA", List.of("S93.401A"), office("70553", "2800.00")),
        b -> b.priorAuthorization = "PA1234567890");
    ClaimAdjudication denied = adjudicate(mriForAnAnkle);
    assertThat(denied.denied()).isTrue();
    assertThat(denied.adjustments()).containsExactly(new Adjustment("CO", "50", mriForAnAnkle.totalCharge()));
  }

  // ---- front end ----

  @Test
  void frontEndRejectionsNameLoopSegmentElementAndTheAcknowledgmentThatReportsThem() {
    ClaimSubmission claim = claim("CMA", List.of("I10"), office("99213", "180.00"));

    assertThat(payers.check(with(claim, b -> b.memberId = "12345")).rejections()).singleElement()
        .isEqualTo(new Rejection("memberId", AcknowledgmentLevel.CLAIM_277CA, "2010BA", "NM1", "NM109", "A7", "164",
            "does not match the member id format of CMA"));
    Rejection noPcn = payers.check(with(claim, b -> b.patientControlNumber = "")).rejections().get(0);
    assertThat(noPcn.level()).isEqualTo(AcknowledgmentLevel.SYNTAX_999);
    assertThat(noPcn.loop() + " " + noPcn.element() + " " + noPcn.category()).isEqualTo("2300 CLM01 1");
    assertThat(payers.check(with(claim, b -> b.patientControlNumber = "")).syntaxRejected()).isTrue();
    Rejection discharge = payers.check(with(claim, b -> b.dischargeDate = DOS.minusDays(1))).rejections().get(0);
    assertThat(discharge.category()).isEqualTo("A8");
    Rejection unknownPayer = payers.check(with(claim, b -> b.payerId = "ZZZ")).rejections().get(0);
    assertThat(unknownPayer.category() + ":" + unknownPayer.statusCode()).isEqualTo("A3:116");
    Rejection noRevenueCode = payers.check(with(claim, b -> {
      b.claimType = ClaimType.INSTITUTIONAL;
      b.lines = List.of(line(1, "71046", null, "400.00"));
    })).rejections().get(0);
    assertThat(List.of(noRevenueCode.loop(), noRevenueCode.segment(), noRevenueCode.element(), noRevenueCode.category()))
        .containsExactly("2400", "SV2", "SV201", "A6");
    assertThat(payers.check(with(claim, b -> b.memberId = "12345")).reasons()).singleElement()
        .isEqualTo("memberId: does not match the member id format of CMA (277CA A7)");
  }

  /** A valid member id of the payer, different per i (never ending in 00 or 22, the test values). */
  private static String member(String payerId, int i) {
    String digits = String.format("%03d", 101 + i * 7);
    return switch (payerId) {
      case "MCR" -> "1EG4TE5MK" + digits.substring(1);
      case "MCD" -> "123456789" + digits;
      case "MCO" -> "MG123456" + digits;
      case "CMA" -> "LMH123456" + digits;
      case "CMB" -> "TG1234" + digits + "-01";
      default -> throw new IllegalArgumentException(payerId);
    };
  }
}
