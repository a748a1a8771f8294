package org.revcycle.x12.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.revcycle.x12.status.Samples.open;
import static org.revcycle.x12.status.Samples.text;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.revcycle.x12.X12Exception;

/**
 * 277 (005010X212) reading. Samples: stupidedi (github.com/irobayna/stupidedi, spec/fixtures,
 * BSD-3-Clause) and imsweb x12-parser (github.com/imsweb/x12-parser, BSD-3-Clause); LICENSE
 * files beside the copies under src/test/resources/x12/samples.
 */
class ClaimStatusReaderTest {

  @Test
  void claimResponseReadsEveryClaimWithAmountsDatesAndServiceLines() {
    ClaimStatusReport report = ClaimStatusReader.read(open("stupidedi/X212-HN277/claim-response.edi"));

    assertThat(report.problems()).isEmpty();
    assertThat(report.claims()).extracting(ClaimStatusResponse::traceNumber).containsExactly("ABCXYZ1", "ABCXYZ2", "ABCXYC3");

    ClaimStatusResponse pending = report.claims().get(0);
    assertThat(pending.patientControlNumber()).isEqualTo("SM123456");
    assertThat(pending.payerClaimNumber()).isEqualTo("05347006051");
    assertThat(pending.billType()).isEqualTo("111");
    assertThat(pending.status().category()).isEqualTo("P3");
    assertThat(pending.status().codes().get(0).status()).isEqualTo("317");
    assertThat(pending.status().codes().get(0).categoryDescription()).isEqualTo("Pending/Provider Requested Information");
    assertThat(pending.status().effectiveDate()).isEqualTo(LocalDate.of(2005, 9, 13));
    assertThat(pending.totalCharge()).isEqualByComparingTo("8513.88");
    assertThat(pending.paidAmount()).isNull();
    assertThat(pending.serviceDates().from()).isEqualTo(LocalDate.of(2005, 8, 31));
    assertThat(pending.serviceDates().to()).isEqualTo(LocalDate.of(2005, 9, 6));

    ClaimStatusResponse finalized = report.claims().get(1);
    assertThat(finalized.status().category()).isEqualTo("F0");
    assertThat(finalized.totalCharge()).isEqualByComparingTo("7599");
    assertThat(finalized.paidAmount()).isEqualByComparingTo("7599");

    ClaimStatusResponse denied = report.claims().get(2); // the dependent's claim, under a second provider
    assertThat(denied.status().category()).isEqualTo("F2");
    assertThat(denied.status().codes().get(0).entity()).isEqualTo("QC");
    assertThat(denied.paidAmount()).isEqualByComparingTo("0");
    assertThat(denied.serviceLines()).singleElement().satisfies(line -> {
      assertThat(line.procedureQualifier()).isEqualTo("HC");
      assertThat(line.procedureCode()).isEqualTo("99203");
      assertThat(line.charge()).isEqualByComparingTo("150");
      assertThat(line.paid()).isEqualByComparingTo("0");
      assertThat(line.units()).isEqualByComparingTo("1");
      assertThat(line.statuses().get(0).category()).isEqualTo("F2");
      assertThat(line.serviceDates().from()).isEqualTo(LocalDate.of(2005, 5, 1));
    });
  }

  @Test
  void ncpdpResponseCarriesTheCodeListQualifier() {
    ClaimStatusReport report = ClaimStatusReader.read(open("stupidedi/X212-HN277/claim-ncpdp-response.edi"));

    assertThat(report.problems()).isEmpty();
    ClaimStatusResponse claim = report.claims().get(0);
    assertThat(claim.status().category()).isEqualTo("F2");
    assertThat(claim.status().codes().get(0).status()).isEqualTo("80");
    assertThat(claim.payerClaimNumber()).isEqualTo("05347006051");
    assertThat(claim.totalCharge()).isEqualByComparingTo("85");
  }

  @Test
  void requestLevelErrorsComeBackAsLevelStatuses() {
    ClaimStatusReport receiver = ClaimStatusReader.read(open("stupidedi/X212-HN277/info-receiver-response.edi"));
    assertThat(receiver.problems()).isEmpty();
    assertThat(receiver.claims()).isEmpty();
    assertThat(receiver.levelStatuses()).singleElement().satisfies(level -> {
      assertThat(level.level()).isEqualTo("21");
      assertThat(level.traceNumber()).isEqualTo("ABC276XXX");
      assertThat(level.statuses().get(0).category()).isEqualTo("E0");
    });

    ClaimStatusReport provider = ClaimStatusReader.read(open("stupidedi/X212-HN277/provider-response.edi"));
    assertThat(provider.problems()).isEmpty();
    assertThat(provider.claims()).hasSize(1);
    assertThat(provider.levelStatuses()).singleElement().satisfies(level -> {
      assertThat(level.level()).isEqualTo("19");
      assertThat(level.statuses().get(0).codes().get(0).entity()).isEqualTo("1P");
    });
  }

  @Test
  void stupidedisHr277FolderHoldsA277ResponseNotA276() {
    // the folder says HR (276) and the file says .era (835); GS01 HN and ST 277 005010X212 say what it is
    ClaimStatusReport report = ClaimStatusReader.read(open("stupidedi/X212-HR277/1.era"));

    assertThat(report.claims()).singleElement().satisfies(claim -> {
      assertThat(claim.traceNumber()).isEqualTo("56565656");
      assertThat(claim.patientControlNumber()).isEqualTo("567812");
      assertThat(claim.clearinghouseTraceNumber()).isEqualTo("56565656");
      assertThat(claim.status().category()).isEqualTo("P5");
      assertThat(claim.totalCharge()).isEqualByComparingTo("211");
    });
    // IEA02 267365555 does not repeat ISA13 269895334: the file's own defect, reported, not hidden
    assertThat(report.problems()).extracting(p -> p.location().segmentTag() + " " + p.code())
        .containsExactly("IEA CONTROL_REFERENCE_MISMATCH");
  }

  @Test
  void imswebX212ResponseWithEightHierarchies() {
    ClaimStatusReport report = ClaimStatusReader.read(open("imsweb/277_5010/x12_277_x212.txt"));

    assertThat(report.claims()).hasSize(8);
    assertThat(report.claims()).extracting(ClaimStatusResponse::patientControlNumber)
        .containsExactly("12345", "12346", "12347", "12348", "12349", "12340", "12341", "12342");
    assertThat(report.claims()).allSatisfy(c -> assertThat(c.status().category()).isEqualTo("A1"));
    assertThat(report.claims().get(0).status().message()).isEqualTo("PAYER ACKNOWLEDGED RECEIPT OF THE CLAIM");
    assertThat(report.claims().stream().map(ClaimStatusResponse::totalCharge).reduce(java.math.BigDecimal::add).orElseThrow())
        .isEqualByComparingTo("2030");
    assertThat(report.problems()).extracting(p -> p.location().segmentTag() + " " + p.code())
        .containsExactly("IEA CONTROL_REFERENCE_MISMATCH");
  }

  @Test
  void a277caIsNotTakenForA277() {
    assertThatThrownBy(() -> ClaimStatusReader.read(open("imsweb/277_5010/x12_277CA_accepted.txt")))
        .isInstanceOf(X12Exception.class)
        .hasMessageContaining("expected a 277 (005010X212) but found a 277 (005010X214)");
  }

  private static String response(String parentOfReceiver, String stc) {
    return "ISA*00*          *00*          *ZZ*PAYER          *ZZ*PROVIDER       *240101*1200*^*00501*000000001*0*T*:~"
        + "GS*HN*PAYER*PROVIDER*20240101*1200*1*X*005010X212~ST*277*0001*005010X212~BHT*0010*08*1*20240101*1200*DG~"
        + "HL*1**20*1~NM1*PR*2*PAYER*****PI*12~HL*2*" + parentOfReceiver + "*21*1~NM1*41*2*RECEIVER*****46*12~"
        + "HL*3*2*19*1~NM1*1P*2*PROVIDER*****XX*12~HL*4*3*22*0~NM1*IL*1*DOE*J****MI*12~"
        + "TRN*2*T1~" + stc + "~SE*13*0001~GE*1*1~IEA*1*000000001~";
  }

  @Test
  void unknownStatusCategoryAndBrokenHierarchyAreNamed() {
    ClaimStatusReport report = ClaimStatusReader.read(text(response("9", "STC*Z9:1*20240101**10")));

    assertThat(report.problems()).extracting(p -> p.location().segmentTag() + "#" + p.location().segmentPosition()
            + " " + p.location().elementPosition() + " " + p.code())
        .containsExactly("STC#14 1 INVALID_CODE_VALUE", "HL#7 2 HL_PARENT");
    assertThat(report.problems().get(1).message()).isEqualTo("parent HL 9 has not been seen");
  }

  @Test
  void nonNumericAmountThrowsNamingSegmentPositionAndElement() {
    assertThatThrownBy(() -> ClaimStatusReader.read(text(response("1", "STC*P1:1*20240101**ABC"))))
        .isInstanceOf(X12Exception.class)
        .hasMessageContaining("segment STC (#14, line 1) element STC04")
        .satisfies(e -> assertThat(((X12Exception) e).problems()).extracting(p -> p.code())
            .containsExactly("INVALID_CHARACTER_DATA", "INVALID_NUMBER"))
        .hasMessageNotContaining("DOE");
  }

  @Test
  void missingRequiredNameIsNamed() {
    ClaimStatusReport report = ClaimStatusReader.read(text(response("1", "STC*P1:1*20240101**10")
        .replace("NM1*41*2*RECEIVER*****46*12~", "").replace("SE*13", "SE*12")));

    assertThat(report.problems()).extracting(p -> p.location().segmentTag() + " " + p.code())
        .containsExactly("NM1 MANDATORY_SEGMENT_MISSING");
  }
}
