package org.revcycle.x12.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.revcycle.x12.claim.Claims837.money;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.revcycle.x12.X12Problem;

/**
 * 837 files written by others. stupidedi/ holds the examples of the X222A1 and X223A2 implementation
 * guides from the stupidedi Ruby X12 toolkit (spec/fixtures/005010, BSD-3-Clause, LICENSE beside
 * them); imsweb/ holds the test files of the imsweb x12-parser Java library (src/test/resources,
 * BSD-3-Clause, LICENSE beside them).
 */
class Claim837ReaderSamplesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // file, claims, first CLM01, its charge, its lines, its HI composites, its 2320 loops, claim has 2000C
      "X222A1-HC837/COB-claim-from-billing-provider-to-payer-a.edi, 1, 26407789, 79.04, 3, 4, 1, true",
      "X222A1-HC837/COB-claim-from-billing-provider-to-payer-b.edi, 1, 26407789, 79.04, 3, 4, 1, true",
      "X222A1-HC837/COB-claim-from-payer-a-to-payer-b-in-payer-to-payer.edi, 1, 26407789, 79.04, 3, 4, 1, true",
      "X222A1-HC837/anesthesia.edi, 1, 153829140, 827.00, 1, 1, 0, false",
      "X222A1-HC837/chiropractic.edi, 1, 125WILL, 145.50, 1, 1, 0, false",
      "X222A1-HC837/commercial-health-insurance.edi, 1, 26463774, 100.00, 4, 2, 0, true",
      "X222A1-HC837/drug-administered-in-the-physician-office.edi, 1, CLMNO12345, 103.37, 2, 1, 0, false",
      "X222A1-HC837/encounter.edi, 1, 26462967, 100.00, 4, 2, 0, false",
      "X222A1-HC837/home-infusion-therapy-pharmacy-adjudicated-with-HCPCS-in-loop-2400-or-NDC-in-loop-2410.edi, 1, CLMNO12345, 2232.93, 6, 1, 0, false",
      "X222A1-HC837/home-infusion-therapy-pharmacy-adjudicated-with-NDC-in-loop-2410.edi, 1, CLMNO12345, 2232.93, 6, 1, 0, false",
      "X222A1-HC837/medicare-secondary-payer-COB.edi, 1, 101KEN6055, 120.00, 1, 2, 1, false",
      "X222A1-HC837/out-of-network-repriced-claim.edi, 1, TS234H3, 252.71, 1, 1, 1, true",
      "X222A1-HC837/oxygen.edi, 1, 'R03996273 #01', 520.24, 2, 3, 0, false",
      "X222A1-HC837/ppo-repriced-claim.edi, 1, ABC123-RI, 28.75, 2, 2, 0, false",
      "X222A1-HC837/wheelchair.edi, 1, SMI123, 75.00, 1, 2, 0, false",
      "X223A2-HC837/automobile-accident.edi, 1, 67236695521, 545.00, 4, 4, 0, true",
      "X223A2-HC837/out-of-network-repriced-claim.edi, 1, W392-49141, 14.84, 1, 1, 0, false",
      "X223A2-HC837/ppo-repriced-claim.edi, 1, 456DFH43, 237.50, 2, 3, 1, true",
      "X223A2-HC837/two-claims-for-the-same-provider.edi, 2, 756048Q, 89.95, 2, 3, 0, false",
  })
  void guideExamplesReadCleanly(String file, int claims, String pcn, String charge, int lines, int codes, int others,
      boolean hasPatient) {
    Claims837.Read read = Claims837.resource("stupidedi/" + file);

    assertThat(read.result().problems()).isEmpty();
    assertThat(read.result().transactionSets()).isEqualTo(1);
    assertThat(read.claims()).hasSize(claims);
    Claim837 first = read.claims().get(0);
    assertThat(first.patientControlNumber()).isEqualTo(pcn);
    assertThat(first.totalCharge()).isEqualTo(money(charge));
    assertThat(first.lines()).hasSize(lines);
    assertThat(first.healthCareCodes()).hasSize(codes);
    assertThat(first.otherSubscribers()).hasSize(others);
    assertThat(first.patient() != null).isEqualTo(hasPatient);
    assertThat(read.headers().get(0).type()).isEqualTo(file.startsWith("X222") ? ClaimType.PROFESSIONAL : ClaimType.INSTITUTIONAL);
    // the lines' charges add up to the claim's, as the guide's examples do
    assertThat(first.lines().stream().map(ServiceLine::charge).reduce(money("0"), java.math.BigDecimal::add))
        .isEqualByComparingTo(first.totalCharge());
  }

  @Test
  void secondaryClaimCarriesThePrimaryPayersAdjudication() {
    Claim837 claim = Claims837.resource("stupidedi/X222A1-HC837/COB-claim-from-billing-provider-to-payer-b.edi").claims().get(0);

    assertThat(claim.subscriber().payerResponsibility()).isEqualTo("S");
    assertThat(claim.payer().id()).isEqualTo("567890");
    assertThat(claim.patient().relationship()).isEqualTo("19");
    assertThat(claim.facilityCode()).isEqualTo("11");
    assertThat(claim.frequencyCode()).isEqualTo("1");
    assertThat(claim.diagnoses()).extracting(HealthCareCode::qualifier, HealthCareCode::code)
        .containsExactly(tuple("BK", "4779"), tuple("BF", "2724"), tuple("BF", "2780"), tuple("BF", "53081"));
    assertThat(claim.rendering().npi()).isEqualTo("1999996666");
    assertThat(claim.rendering().taxonomy()).isEqualTo("204C00000X");
    assertThat(claim.provider(ClaimProvider.SERVICE_FACILITY).address().postalCode()).isEqualTo("33111");
    OtherSubscriber primary = claim.otherSubscribers().get(0);
    assertThat(primary.payerResponsibility()).isEqualTo("P");
    assertThat(primary.relationship()).isEqualTo("01");
    assertThat(primary.adjustments()).extracting(Adjustment::group, Adjustment::reason, Adjustment::amount)
        .containsExactly(tuple("PR", "1", money("21.89")), tuple("PR", "2", money("15.00")));
    assertThat(primary.payerPaidAmount()).isEqualTo(money("39.15"));
    assertThat(primary.remainingPatientLiability()).isEqualTo(money("36.89"));
    assertThat(primary.payerId()).isEqualTo("999996666");
    assertThat(primary.benefitsAssigned()).isEqualTo("Y");
    ServiceLine first = claim.lines().get(0);
    assertThat(first.procedure()).isEqualTo(Procedure.hcpcs("99213"));
    assertThat(first.diagnosisPointers()).containsExactly(1, 2, 3, 4);
    assertThat(first.serviceDate()).isEqualTo(ServicePeriod.on(LocalDate.of(2005, 10, 3)));
    LineAdjudication adjudication = first.adjudications().get(0);
    assertThat(adjudication.payerId()).isEqualTo("999996666");
    assertThat(adjudication.paidAmount()).isEqualTo(money("40.00"));
    assertThat(adjudication.paidUnits()).isEqualByComparingTo("1");
    assertThat(adjudication.adjustments()).containsExactly(Adjustment.of("CO", "42", money("3.00")));
    assertThat(adjudication.adjudicationDate()).isEqualTo(LocalDate.of(2005, 10, 15));
  }

  @Test
  void professionalLinesKeepModifiersUnitsPlaceOfServiceAndDrugs() {
    Claim837 anesthesia = Claims837.resource("stupidedi/X222A1-HC837/anesthesia.edi").claims().get(0);
    ServiceLine line = anesthesia.lines().get(0);
    assertThat(line.procedure().modifiers()).containsExactly("QK", "QS", "P1");
    assertThat(line.unitCode()).isEqualTo("MJ");
    assertThat(line.units()).isEqualByComparingTo("61");
    assertThat(anesthesia.billingProvider().npi()).isEqualTo("2366554859");
    assertThat(anesthesia.billingProvider().taxId()).isEqualTo("756473826");
    assertThat(anesthesia.subscriber().relationship()).isEqualTo("18");
    assertThat(anesthesia.subscriber().claimFilingIndicator()).isEqualTo("MB");
    assertThat(anesthesia.subscriber().sex()).isEqualTo("F");
    assertThat(anesthesia.subscriber().birthDate()).isEqualTo(LocalDate.of(1974, 3, 3));

    Claim837 infusion = Claims837.resource(
        "stupidedi/X222A1-HC837/home-infusion-therapy-pharmacy-adjudicated-with-NDC-in-loop-2410.edi").claims().get(0);
    ServiceLine drugLine = infusion.lines().get(1);
    assertThat(drugLine.placeOfService()).isEqualTo("12");
    assertThat(drugLine.serviceDate()).isEqualTo(ServicePeriod.between(LocalDate.of(2004, 2, 1), LocalDate.of(2004, 2, 7)));
    assertThat(drugLine.drug()).isEqualTo(new Drug("00004196501", money("7").stripTrailingZeros(), "UN"));
    assertThat(drugLine.providers()).extracting(ClaimProvider::role, ClaimProvider::npi).containsExactly(tuple("DK", "1112223338"));
  }

  @Test
  void institutionalClaimsCarryBillTypeDatesCodesAndRevenueLines() {
    Claims837.Read read = Claims837.resource("stupidedi/X223A2-HC837/ppo-repriced-claim.edi");
    Claim837 claim = read.claims().get(0);

    assertThat(read.headers().get(0).submitter().id()).isEqualTo("123456789");
    assertThat(read.headers().get(0).receiver().name()).isEqualTo("LOCAL INSURANCE COMPANY");
    assertThat(claim.billType()).isEqualTo("131");
    assertThat(claim.statementPeriod()).isEqualTo(ServicePeriod.between(LocalDate.of(2005, 7, 6), LocalDate.of(2005, 7, 6)));
    assertThat(claim.admissionDate()).isEqualTo(LocalDate.of(2005, 7, 6));
    assertThat(claim.admissionTime()).isEqualTo(LocalTime.of(8, 0));
    assertThat(List.of(claim.admissionType(), claim.admissionSource(), claim.patientStatus())).containsExactly("1", "2", "01");
    assertThat(claim.principalDiagnosis()).isEqualTo(HealthCareCode.of("BK", "38181"));
    assertThat(claim.healthCareCodes()).contains(new HealthCareCode("BH", "11", "D8", "20050706", null));
    assertThat(claim.attending().npi()).isEqualTo("5544332211");
    assertThat(claim.lines()).extracting(ServiceLine::revenueCode, l -> l.procedure().code(), ServiceLine::charge)
        .containsExactly(tuple("0471", "92557", money("178.00")), tuple("0471", "92567", money("59.50")));

    Claims837.Read two = Claims837.resource("stupidedi/X223A2-HC837/two-claims-for-the-same-provider.edi");
    assertThat(two.claims()).extracting(Claim837::patientControlNumber, Claim837::totalCharge)
        .containsExactly(tuple("756048Q", money("89.95")), tuple("756049Q", money("50.00")));
    assertThat(two.claims().get(0).billingProvider()).isSameAs(two.claims().get(1).billingProvider());
    assertThat(two.claims().get(0).subscriber().memberId()).isNotEqualTo(two.claims().get(1).subscriber().memberId());
  }

  @Test
  void aSingleDateUnderRd8IsReadAsOneDayAndReported() {
    // the guide example 837-institutional-claim.edi sends DTP*434*RD8*19960911: a period with one date
    Claims837.Read read = Claims837.resource("stupidedi/X223A2-HC837/837-institutional-claim.edi");

    assertThat(read.claims()).singleElement().satisfies(claim -> {
      assertThat(claim.statementPeriod()).isEqualTo(ServicePeriod.between(LocalDate.of(1996, 9, 11), LocalDate.of(1996, 9, 11)));
      assertThat(claim.healthCareCodes()).contains(new HealthCareCode("BE", "A2", null, null, money("15.31")));
      assertThat(claim.otherSubscribers().get(0).groupName()).isEqualTo("STATE TEACHERS");
    });
    assertThat(read.result().problems()).extracting(p -> p.location().describe(), X12Problem::code)
        .containsExactly(tuple("segment DTP (#23, line 1) element DTP03", "INVALID_DATE"));
  }

  @Test
  void ambulanceClaimReadsItsCertificationAndLines() {
    Claim837 claim = Claims837.resource("stupidedi/X222A1-HC837/ambulance.edi").claims().get(0);
    assertThat(claim.patientControlNumber()).isEqualTo("051068");
    assertThat(claim.providers()).extracting(ClaimProvider::role).containsExactly("PW", "45");
    assertThat(claim.provider("45").address().city()).isEqualTo("CHEYENNE");
    assertThat(claim.lines()).extracting(ServiceLine::lineControlNumber).containsExactly("1001", "1002", "1003", "1004");
    assertThat(claim.lines().get(1).units()).isEqualByComparingTo("21");
  }
}
