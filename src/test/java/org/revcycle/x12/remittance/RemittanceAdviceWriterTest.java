package org.revcycle.x12.remittance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.revcycle.x12.CountingControlNumbers;
import org.revcycle.x12.EnvelopeIds;
import org.revcycle.x12.InterchangeParties;
import org.revcycle.x12.X12Exception;
import org.revcycle.x12.X12Problem;

class RemittanceAdviceWriterTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T14:05:00Z"), ZoneOffset.UTC);
  private static final InterchangeParties PAYER_TO_PROVIDER = InterchangeParties.of("SANDBOXPAYER", "REVCYCLE", 'T');
  private static final LocalDate SERVICE_DATE = LocalDate.of(2026, 11, 2);

  @Test
  void whatIsWrittenReadsBackTheSameAndBalances() {
    RemittanceAdvice written = advice(BigDecimal.ZERO);
    CountingControlNumbers numbers = new CountingControlNumbers();

    String file = write(numbers, written);
    RemittanceAdvice read = RemittanceAdviceReader.readAll(stream(file)).get(0);

    assertThat(read.claims()).hasSize(3);
    assertThat(read).usingRecursiveComparison()
        .ignoringFields("header.envelope")
        .ignoringFieldsMatchingRegexes(".*location")
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(written);
    assertThat(read.header().envelope()).isEqualTo(
        new EnvelopeIds("SANDBOXPAYER", "REVCYCLE", "000000001", "1", "0001", RemittanceAdviceWriter.GUIDE));
    assertThat(read.expectedPayment()).isEqualByComparingTo(read.header().totalPayment());
  }

  @Test
  void envelopesAreFixedWidthAndCountedAndEachInterchangeHasItsOwnNumber() {
    CountingControlNumbers numbers = new CountingControlNumbers();

    String first = write(numbers, advice(BigDecimal.ZERO));
    String second = write(numbers, advice(BigDecimal.ZERO));

    String isa = first.substring(0, first.indexOf('~'));
    assertThat(isa).hasSize(105);
    assertThat(isa).startsWith("ISA*00*          *00*          *ZZ*SANDBOXPAYER   *ZZ*REVCYCLE       *261127*1405*^*00501*000000001*0*T*:");
    assertThat(second).contains("*000000002*0*T*:").contains("IEA*1*000000002~");
    String[] segments = first.split("~\\s*");
    int st = indexOf(segments, "ST*");
    int se = indexOf(segments, "SE*");
    assertThat(segments[se]).isEqualTo("SE*" + (se - st + 1) + "*0001");
    assertThat(segments[se + 1]).isEqualTo("GE*1*1");
  }

  @Test
  void reversalsAndNegativeAmountsSurviveTheRoundTrip() {
    RemittanceAdvice read = RemittanceAdviceReader.readAll(stream(write(new CountingControlNumbers(), advice(BigDecimal.ZERO)))).get(0);

    ClaimPayment reversal = read.claims().get(2);
    assertThat(reversal.isReversal()).isTrue();
    assertThat(reversal.totalCharge()).isEqualByComparingTo("-200");
    assertThat(reversal.paid()).isEqualByComparingTo("-120");
    assertThat(reversal.adjustments()).extracting(Adjustment::amount).map(BigDecimal::toPlainString).containsExactly("-80");
  }

  @Test
  void refusesWhatItsOwnSchemaRejectsAndNamesIt() {
    RemittanceAdvice bad = new RemittanceAdvice(advice(BigDecimal.ZERO).header(),
        List.of(claim("PCN-9", "99", "100", "100", List.of(), List.of())), List.of());

    assertThatThrownBy(() -> write(new CountingControlNumbers(), bad))
        .isInstanceOf(X12Exception.class)
        .satisfies(e -> assertThat(((X12Exception) e).problems()).anySatisfy(problem -> {
          assertThat(problem.code()).isEqualTo("INVALID_CODE_VALUE");
          assertThat(problem.location().segmentTag()).isEqualTo("CLP");
          assertThat(problem.location().elementPosition()).isEqualTo(2);
          assertThat(problem.message()).contains("'99'");
        }));
  }

  @Test
  void aWrongSegmentCountIsCaughtOnRead() {
    String file = write(new CountingControlNumbers(), advice(BigDecimal.ZERO));
    String wrongCount = file.replaceFirst("SE\\*(\\d+)\\*0001", "SE*3*0001");

    List<X12Problem> problems = RemittanceAdviceReader.read(stream(wrongCount), (h, c) -> { }).problems();

    assertThat(problems).anySatisfy(problem -> {
      assertThat(problem.code()).isEqualTo("CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT");
      assertThat(problem.location().segmentTag()).isEqualTo("SE");
    });
  }

  /** A paid claim with patient responsibility, a denial, a reversal, and interest less a recoupment. */
  static RemittanceAdvice advice(BigDecimal extraPayment) {
    ClaimPayment paid = claim("PCN-1", "1", "250", "150",
        List.of(),
        List.of(new ServicePayment("HC", "99213", List.of("25"), new BigDecimal("150"), new BigDecimal("90"), null, null,
                null, null, SERVICE_DATE, SERVICE_DATE, "1", Map.of("B6", new BigDecimal("120")), List.of(),
                List.of(new Adjustment("CO", "45", new BigDecimal("30"), null), new Adjustment("PR", "2", new BigDecimal("30"), null)),
                null),
            new ServicePayment("HC", "80053", List.of(), new BigDecimal("100"), new BigDecimal("60"), null, new BigDecimal("1"),
                null, null, SERVICE_DATE, SERVICE_DATE, "2", Map.of(), List.of("N130"),
                List.of(new Adjustment("CO", "45", new BigDecimal("20"), null), new Adjustment("PR", "3", new BigDecimal("20"), null)),
                null)));
    ClaimPayment denied = claim("PCN-2", "4", "80", "0",
        List.of(new Adjustment("CO", "197", new BigDecimal("80"), null)), List.of());
    ClaimPayment reversal = claim("PCN-3", "22", "-200", "-120",
        List.of(new Adjustment("CO", "45", new BigDecimal("-80"), null)), List.of());
    List<ProviderAdjustment> plb = List.of(new ProviderAdjustment("1234567893", LocalDate.of(2026, 12, 31), List.of(
        new ProviderAdjustment.Item("L6", "PCN-1", new BigDecimal("-2.50")),
        new ProviderAdjustment.Item("WO", "PCN-0", new BigDecimal("10")))));
    // 150 + 0 - 120 - (-2.50 + 10) = 22.50
    BigDecimal total = new BigDecimal("22.50").add(extraPayment);
    RemittanceHeader header = new RemittanceHeader(null, "I", total, "C", "CHK", LocalDate.of(2026, 11, 26),
        "CHK0000123", "1999999999", LocalDate.of(2026, 11, 25),
        new RemittanceHeader.Party("SANDBOX MUTUAL", null, null, "1 PAYER WAY", "HARTFORD", "CT", "06101", Map.of("2U", "SBX01")),
        new RemittanceHeader.Party("REGIONAL MEDICAL CENTER", "XX", "1234567893", null, null, null, null, Map.of("TJ", "123456789")));
    return new RemittanceAdvice(header, List.of(paid, denied, reversal), plb);
  }

  static ClaimPayment claim(String pcn, String status, String charge, String paid, List<Adjustment> adjustments,
      List<ServicePayment> services) {
    BigDecimal patientShare = services.stream().flatMap(s -> s.adjustments().stream()).filter(a -> a.group().equals("PR"))
        .map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new ClaimPayment(pcn, status, new BigDecimal(charge), new BigDecimal(paid),
        patientShare.signum() == 0 ? null : patientShare, "CI", "PAYER-" + pcn, "11", "1", null, "DOE", "JANE", "MI",
        "MEMBER1", "1972183925", SERVICE_DATE, SERVICE_DATE, null, List.of(), Map.of(), adjustments, services, null);
  }

  private static String write(CountingControlNumbers numbers, RemittanceAdvice advice) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RemittanceAdviceWriter.writeFile(out, PAYER_TO_PROVIDER, numbers, CLOCK, List.of(advice));
    return out.toString(StandardCharsets.US_ASCII);
  }

  private static int indexOf(String[] segments, String prefix) {
    for (int i = 0; i < segments.length; i++) {
      if (segments[i].startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no " + prefix);
  }

  private static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
  }
}
