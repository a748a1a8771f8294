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

  @Test
  void whatIsWrittenReadsBackTheSameAndBalances() {
    RemittanceAdvice written = RemittanceSamples.paidAdvice();
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

    String first = write(numbers, RemittanceSamples.paidAdvice());
    String second = write(numbers, RemittanceSamples.paidAdvice());

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
    RemittanceAdvice read = RemittanceAdviceReader.readAll(stream(write(new CountingControlNumbers(), RemittanceSamples.paidAdvice()))).get(0);

    ClaimPayment reversal = read.claims().get(2);
    assertThat(reversal.isReversal()).isTrue();
    assertThat(reversal.totalCharge()).isEqualByComparingTo("-200");
    assertThat(reversal.paid()).isEqualByComparingTo("-120");
    assertThat(reversal.adjustments()).extracting(Adjustment::amount).map(BigDecimal::toPlainString).containsExactly("-80");
  }

  @Test
  void refusesWhatItsOwnSchemaRejectsAndNamesIt() {
    RemittanceAdvice bad = new RemittanceAdvice(RemittanceSamples.paidAdvice().header(),
        List.of(RemittanceSamples.claim("PCN-9", "99", "100", "100", List.of(), List.of())), List.of());

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
    String file = write(new CountingControlNumbers(), RemittanceSamples.paidAdvice());
    String wrongCount = file.replaceFirst("SE\\*(\\d+)\\*0001", "SE*3*0001");

    List<X12Problem> problems = RemittanceAdviceReader.read(stream(wrongCount), (h, c) -> { }).problems();

    assertThat(problems).anySatisfy(problem -> {
      assertThat(problem.code()).isEqualTo("CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT");
      assertThat(problem.location().segmentTag()).isEqualTo("SE");
    });
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
