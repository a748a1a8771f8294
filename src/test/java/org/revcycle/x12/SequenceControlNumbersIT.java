package org.revcycle.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.revcycle.support.PostgresIntegrationTest;
import org.revcycle.x12.remittance.RemittanceAdviceReader;
import org.springframework.beans.factory.annotation.Autowired;

/** Control numbers come from PostgreSQL sequences: unique, and still unique after a restart. */
class SequenceControlNumbersIT extends PostgresIntegrationTest {

  @Autowired
  DataSource dataSource;

  @Autowired
  SequenceControlNumbers running;

  @Test
  void numbersKeepGrowingAcrossInstancesAsAcrossRestarts() {
    long before = running.nextInterchange();
    // a new instance over the same database is what a restarted node sees
    SequenceControlNumbers restarted = new SequenceControlNumbers(dataSource);

    Set<Long> seen = new TreeSet<>();
    for (int i = 0; i < 50; i++) {
      seen.add(restarted.nextInterchange());
      seen.add(running.nextInterchange());
    }

    assertThat(seen).hasSize(100).allMatch(n -> n > before);
    assertThat(restarted.nextGroup()).isLessThan(restarted.nextGroup());
    assertThat(restarted.nextTransaction()).isLessThan(restarted.nextTransaction());
  }

  @Test
  void twoInterchangesWrittenWithTheDatabaseNumbersNeverShareAControlNumber() {
    String first = write();
    String second = write();

    String firstNumber = first.substring(90, 99);
    String secondNumber = second.substring(90, 99);
    assertThat(firstNumber).matches("\\d{9}");
    assertThat(secondNumber).isNotEqualTo(firstNumber);
    assertThat(RemittanceAdviceReader.read(new java.io.ByteArrayInputStream(second.getBytes(StandardCharsets.US_ASCII)),
        (h, c) -> { }).clean()).isTrue();
  }

  private String write() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    org.revcycle.x12.remittance.RemittanceAdviceWriter.writeFile(out, InterchangeParties.of("PAYER", "REVCYCLE", 'T'), running,
        Clock.systemUTC(), List.of(org.revcycle.x12.remittance.RemittanceSamples.paidAdvice()));
    return out.toString(StandardCharsets.US_ASCII);
  }
}
