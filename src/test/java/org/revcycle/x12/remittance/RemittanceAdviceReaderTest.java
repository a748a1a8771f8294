package org.revcycle.x12.remittance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.revcycle.x12.X12Exception;
import org.revcycle.x12.X12Problem;

/**
 * The 835 reader on real files. The samples under x12/samples/stupidedi come from the stupidedi Ruby
 * X12 toolkit's spec/fixtures/005010 (BSD-3-Clause, LICENSE beside them): examples from the X221A1
 * implementation guide.
 */
class RemittanceAdviceReaderTest {

  private static final String SAMPLES = "/x12/samples/stupidedi/X221A1-HP835/";

  @Test
  void readsThePaymentHeaderAndInstitutionalClaimsOfTheGuideExample() throws IOException {
    RemittanceAdvice advice = single(readAll("dollars-and-data-sent-together.edi"));

    RemittanceHeader header = advice.header();
    assertThat(header.envelope().interchangeControlNumber()).isEqualTo("000010216");
    assertThat(header.envelope().groupControlNumber()).isEqualTo("20213");
    assertThat(header.envelope().transactionControlNumber()).isEqualTo("1234");
    assertThat(header.envelope().guideVersion()).isEqualTo("005010X221A1");
    assertThat(header.handlingCode()).isEqualTo("C");
    assertThat(header.totalPayment()).isEqualByComparingTo("150000");
    assertThat(header.paymentMethod()).isEqualTo("ACH");
    assertThat(header.paymentDate()).isEqualTo(LocalDate.of(2002, 9, 13));
    assertThat(header.traceNumber()).isEqualTo("12345");
    assertThat(header.originatingCompanyId()).isEqualTo("1512345678");
    assertThat(header.productionDate()).isEqualTo(LocalDate.of(2002, 9, 16));
    assertThat(header.payer().name()).isEqualTo("INSURANCE COMPANY OF TIMBUCKTU");
    assertThat(header.payer().additionalIds()).containsEntry("2U", "999");
    assertThat(header.payer().state()).isEqualTo("AK");
    assertThat(header.payee().idQualifier()).isEqualTo("XX");
    assertThat(header.payee().id()).isEqualTo("6543210903");

    assertThat(advice.claims()).extracting(ClaimPayment::patientControlNumber).containsExactly("666123", "777777");
    ClaimPayment first = advice.claims().get(0);
    assertThat(first.statusCode()).isEqualTo("1");
    assertThat(first.totalCharge()).isEqualByComparingTo("211366.97");
    assertThat(first.paid()).isEqualByComparingTo("138018.40");
    assertThat(first.filingIndicator()).isEqualTo("MA");
    assertThat(first.payerClaimNumber()).isEqualTo("1999999444444");
    assertThat(first.facilityCode()).isEqualTo("11");
    assertThat(first.adjustments()).containsExactly(new Adjustment("CO", "45", new BigDecimal("73348.57"), null));
    assertThat(first.patientIdQualifier()).isEqualTo("HN");
    assertThat(first.statementFrom()).isEqualTo(LocalDate.of(2002, 8, 16));
    assertThat(first.statementTo()).isEqualTo(LocalDate.of(2002, 8, 24));
    assertThat(first.services()).isEmpty();
    assertThat(advice.claims().get(1).remarkCodes()).containsExactly("MA02");

    assertThat(advice.providerAdjustments()).singleElement().satisfies(plb -> {
      assertThat(plb.providerId()).isEqualTo("6543210903");
      assertThat(plb.fiscalPeriodEnd()).isEqualTo(LocalDate.of(2002, 12, 31));
      assertThat(plb.items()).containsExactly(new ProviderAdjustment.Item("CV", "CP", new BigDecimal("-1.27")));
    });
    // 138018.40 + 11980.33 - (-1.27) = 150000.00: the negative PLB adds to the payment
    assertThat(advice.expectedPayment()).isEqualByComparingTo(header.totalPayment());
  }

  @Test
  void readsServiceLinesWithTheirAdjustmentsDatesAndAllowedAmounts() throws IOException {
    RemittanceAdvice advice = single(readAll("era-sample.edi"));

    ClaimPayment claim = single(advice.claims());
    assertThat(claim.renderingProviderNpi()).isEqualTo("1811901945");
    assertThat(claim.amounts()).containsEntry("AU", new BigDecimal("132"));
    assertThat(claim.services()).hasSize(5);
    ServicePayment line = claim.services().get(0);
    assertThat(line.procedureQualifier()).isEqualTo("AD");
    assertThat(line.procedureCode()).isEqualTo("D0120");
    assertThat(line.charge()).isEqualByComparingTo("46");
    assertThat(line.paid()).isEqualByComparingTo("25");
    assertThat(line.serviceFrom()).isEqualTo(LocalDate.of(2014, 3, 24));
    assertThat(line.adjustments()).containsExactly(new Adjustment("CO", "131", new BigDecimal("21"), null));
    assertThat(line.amounts()).containsEntry("B6", new BigDecimal("25"));
    assertThat(claim.services()).extracting(ServicePayment::paid).map(BigDecimal::toPlainString)
        .containsExactly("25", "14", "10", "34", "49");
    assertThat(claim.totalAdjusted()).isEqualByComparingTo("94");
  }

  @Test
  void streamsManyClaimsOfOneCheckAndBalancesTheFile() throws IOException {
    List<ClaimPayment> claims = new ArrayList<>();
    RemittanceFileReport report;
    try (InputStream in = sample("multiple-claims-single-check.edi")) {
      report = RemittanceAdviceReader.read(in, (header, claim) -> claims.add(claim));
    }

    assertThat(report.clean()).isTrue();
    assertThat(report.claims()).isEqualTo(9);
    assertThat(claims).hasSize(9);
    RemittanceTotals totals = single(report.transactions());
    assertThat(totals.totalPayment()).isEqualByComparingTo("810.80");
    assertThat(totals.claimsPaid()).isEqualByComparingTo("810.80");
    assertThat(totals.balanced()).isTrue();
    assertThat(claims.get(2).patientResponsibility()).isEqualByComparingTo("24");
    assertThat(claims.get(3).paid()).isEqualByComparingTo("14");
  }

  @Test
  void namesTheClaimThatDoesNotBalanceAndPostsNothingSilently() {
    // CLP04 says 138000.00 where charge less CO-45 is 138018.40
    String file = fileFrom("dollars-and-data-sent-together.edi").replace("CLP*666123*1*211366.97*138018.4*", "CLP*666123*1*211366.97*138000*");

    RemittanceFileReport report = RemittanceAdviceReader.read(stream(file), (header, claim) -> { });

    assertThat(report.clean()).isFalse();
    assertThat(report.problems()).extracting(X12Problem::code).containsExactly("PAYMENT_NOT_BALANCED", "CLAIM_NOT_BALANCED");
    X12Problem claimProblem = report.problems().get(1);
    assertThat(claimProblem.location().segmentTag()).isEqualTo("CLP");
    assertThat(claimProblem.location().segmentPosition()).isEqualTo(16);
    assertThat(claimProblem.message()).contains("666123", "138018.40", "138000");
    X12Problem fileProblem = report.problems().get(0);
    assertThat(fileProblem.location().segmentTag()).isEqualTo("BPR");
    assertThat(fileProblem.location().elementPosition()).isEqualTo(2);
    assertThat(fileProblem.toString()).contains("segment BPR (#4", "element BPR02");
    assertThatThrownBy(() -> RemittanceAdviceReader.readAll(stream(file))).isInstanceOf(X12Exception.class)
        .hasMessageContaining("CLAIM_NOT_BALANCED");
  }

  @Test
  void namesTheServiceLineThatDoesNotBalance() {
    String file = fileFrom("era-sample.edi").replace("SVC*AD:D0220*25*14", "SVC*AD:D0220*25*15");

    RemittanceFileReport report = RemittanceAdviceReader.read(stream(file), (header, claim) -> { });

    // the claim still balances (CLP04 is the payer's figure); the line alone is wrong
    assertThat(report.problems()).extracting(X12Problem::code).containsExactly("LINE_NOT_BALANCED");
    X12Problem line = report.problems().stream().filter(p -> p.code().equals("LINE_NOT_BALANCED")).findFirst().orElseThrow();
    assertThat(line.location().segmentTag()).isEqualTo("SVC");
    assertThat(line.location().segmentPosition()).isEqualTo(21);
    assertThat(line.message()).contains("SVC03 paid is 15");
    assertThat(single(report.transactions()).linesOutOfBalance()).isEqualTo(1);
  }

  @Test
  void aNonNumericAmountIsNamedBySegmentAndElement() {
    String file = fileFrom("era-sample.edi").replace("CLP*7722337*1*226*132", "CLP*7722337*1*22X6*132");

    RemittanceFileReport report = RemittanceAdviceReader.read(stream(file), (header, claim) -> { });

    assertThat(report.problems()).anySatisfy(problem -> {
      assertThat(problem.code()).isEqualTo("INVALID_CHARACTER_DATA");
      assertThat(problem.location().segmentTag()).isEqualTo("CLP");
      assertThat(problem.location().elementPosition()).isEqualTo(3);
      assertThat(problem.message()).contains("22X6");
    });
  }

  @Test
  void anUnknownSegmentAndAMissingRequiredSegmentAreNamed() {
    String unknown = fileFrom("era-sample.edi").replace("AMT*AU*132~", "ZZZ*1~AMT*AU*132~");
    String noTrace = fileFrom("era-sample.edi").replace("TRN*1*12345*1512345678~", "");

    assertThat(RemittanceAdviceReader.read(stream(unknown), (h, c) -> { }).problems())
        .anySatisfy(p -> assertThat(p.toString()).contains("ZZZ"));
    assertThat(RemittanceAdviceReader.read(stream(noTrace), (h, c) -> { }).problems())
        .anySatisfy(p -> {
          assertThat(p.code()).isEqualTo("MANDATORY_SEGMENT_MISSING");
          assertThat(p.location().segmentTag()).isEqualTo("TRN");
        });
  }

  @Test
  void aTruncatedFileOrAFileThatIsNotX12FailsWithWhere() {
    String whole = fileFrom("era-sample.edi");
    String truncated = whole.substring(0, whole.indexOf("SVC*AD:D0230") + 8);

    assertThatThrownBy(() -> RemittanceAdviceReader.read(stream(truncated), (h, c) -> { }))
        .isInstanceOf(X12Exception.class)
        .satisfies(e -> assertThat(((X12Exception) e).problems()).isNotEmpty()
            .allSatisfy(p -> assertThat(p.location()).isNotNull()));
    assertThatThrownBy(() -> RemittanceAdviceReader.read(stream("{\"claim\": 1}"), (h, c) -> { }))
        .isInstanceOf(X12Exception.class)
        .hasMessageContaining("line 1");
  }

  @Test
  void separatorsComeFromTheIsaAndSeveralInterchangesInOneFileAreRead() {
    String usual = fileFrom("era-sample.edi");
    // the same interchange with | elements, } components and a line feed ending each segment
    String unusual = usual.replace('*', '|').replace(':', '}').replace("~", "\n").replace("|^|", "|^|");
    String twoInterchanges = usual + "\n" + unusual.replace("000000195", "000000196");

    List<RemittanceAdvice> advices = RemittanceAdviceReader.readAll(stream(twoInterchanges));

    assertThat(advices).hasSize(2);
    assertThat(advices.get(1).header().envelope().interchangeControlNumber()).isEqualTo("000000196");
    assertThat(advices.get(1).claims().get(0).services().get(0).procedureCode()).isEqualTo("D0120");
    assertThat(advices.get(1).claims()).usingRecursiveComparison().ignoringFieldsMatchingRegexes(".*location")
        .isEqualTo(advices.get(0).claims());
  }

  @Test
  void aValidatedFileReadsTheSameWithoutTheSchemaChecks() {
    java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
    RemittanceAdviceWriter.writeFile(written, org.revcycle.x12.InterchangeParties.of("SANDBOXPAYER", "REVCYCLE", 'T'),
        new org.revcycle.x12.CountingControlNumbers(), java.time.Clock.systemUTC(), List.of(RemittanceSamples.paidAdvice()));
    List<String> files = List.of(fileFrom("dollars-and-data-sent-together.edi"), fileFrom("era-sample.edi"),
        fileFrom("multiple-claims-single-check.edi"), written.toString(StandardCharsets.US_ASCII));
    for (String file : files) {
      List<Object> validated = new ArrayList<>();
      List<Object> notValidated = new ArrayList<>();
      RemittanceFileReport checked = RemittanceAdviceReader.read(stream(file), recorder(validated), true);
      RemittanceFileReport unchecked = RemittanceAdviceReader.read(stream(file), recorder(notValidated), false);

      assertThat(checked.clean()).isTrue();
      assertThat(notValidated).hasSizeGreaterThan(2).isEqualTo(validated);
      assertThat(unchecked.clean()).isTrue();
      assertThat(unchecked.claims()).isEqualTo(checked.claims());
    }
    // the balancing checks are the reader's own, not the schema's: they still run
    String offBalance = files.get(3).replaceFirst("CLP\\*PCN-1\\*1\\*250\\*150", "CLP*PCN-1*1*250*151");
    assertThat(offBalance).isNotEqualTo(files.get(3));
    assertThat(RemittanceAdviceReader.read(stream(offBalance), (h, c) -> { }, false).clean()).isFalse();
  }

  /** Every header, claim, provider adjustment and set total the reader hands out, in order. */
  private static RemittanceListener recorder(List<Object> events) {
    return new RemittanceListener() {
      @Override
      public void transactionStarted(RemittanceHeader header) {
        events.add(header);
      }

      @Override
      public void claim(RemittanceHeader header, ClaimPayment claim) {
        events.add(claim);
      }

      @Override
      public void providerAdjustment(RemittanceHeader header, ProviderAdjustment adjustment) {
        events.add(adjustment);
      }

      @Override
      public void transactionEnded(RemittanceHeader header, RemittanceTotals totals) {
        events.add(totals);
      }
    };
  }

  static <T> T single(List<T> items) {
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  private static List<RemittanceAdvice> readAll(String name) throws IOException {
    try (InputStream in = sample(name)) {
      return RemittanceAdviceReader.readAll(in);
    }
  }

  private static InputStream sample(String name) {
    return RemittanceAdviceReaderTest.class.getResourceAsStream(SAMPLES + name);
  }

  private static String fileFrom(String name) {
    try (InputStream in = sample(name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
  }
}
