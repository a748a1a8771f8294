package org.revcycle.x12.acknowledgment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.revcycle.x12.status.Samples.open;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.revcycle.x12.X12Exception;
import org.revcycle.x12.status.LevelStatus;

/**
 * 277CA reading. Samples: imsweb x12-parser (github.com/imsweb/x12-parser, src/test/resources,
 * BSD-3-Clause); LICENSE beside the copies under src/test/resources/x12/samples/imsweb.
 */
class ClaimAcknowledgmentReaderTest {

  @Test
  void acceptedClaimCarriesPatientControlNumberPayerClaimNumberAndStatus() {
    ClaimAcknowledgmentReport report = ClaimAcknowledgmentReader.read(open("imsweb/277_5010/x12_277CA_accepted.txt"));

    assertThat(report.problems()).isEmpty();
    ClaimAcknowledgment claim = report.claims().get(0);
    assertThat(report.claims()).hasSize(1);
    assertThat(claim.patientControlNumber()).isEqualTo("5781");
    assertThat(claim.payerClaimControlNumber()).isEqualTo("1107000000014420");
    assertThat(claim.isAccepted()).isTrue();
    assertThat(claim.statusCategory()).isEqualTo("A2");
    assertThat(claim.statuses().get(0).codes().get(0).categoryDescription())
        .isEqualTo("Acknowledgement/Acceptance into adjudication system");
    assertThat(claim.statusCode()).isEqualTo("20");
    assertThat(claim.amount()).isEqualByComparingTo("125");
    assertThat(claim.statusDate()).isEqualTo(LocalDate.of(2011, 3, 11));
    assertThat(claim.serviceDates().from()).isEqualTo(LocalDate.of(1001, 1, 1));

    LevelStatus receiver = report.levelStatuses().get(0);
    assertThat(receiver.level()).isEqualTo("21");
    assertThat(receiver.statuses().get(0).category()).isEqualTo("A1");
    assertThat(receiver.acceptedQuantity()).isEqualTo(1);
    assertThat(receiver.acceptedAmount()).isEqualByComparingTo(new BigDecimal("125.0"));
  }

  @Test
  void rejectedClaimSaysWhyAndAboutWhom() {
    ClaimAcknowledgmentReport report = ClaimAcknowledgmentReader.read(open("imsweb/277_5010/x12_277CA_rejected.txt"));

    assertThat(report.problems()).isEmpty();
    ClaimAcknowledgment claim = report.claims().get(0);
    assertThat(claim.patientControlNumber()).isEqualTo("3920394930203");
    assertThat(claim.isAccepted()).isFalse();
    assertThat(claim.statusCategory()).isEqualTo("A7");
    assertThat(claim.statusCode()).isEqualTo("562");
    assertThat(claim.entity()).isEqualTo("85");
    assertThat(claim.amount()).isEqualByComparingTo("199.14");
    assertThat(claim.billType()).isEqualTo("731");
    assertThat(claim.serviceDates().to()).isEqualTo(LocalDate.of(2009, 3, 11));
  }

  @Test
  void a277StatusResponseIsNotTakenForA277ca() {
    assertThatThrownBy(() -> ClaimAcknowledgmentReader.read(open("imsweb/277_5010/x12_277_x212.txt")))
        .isInstanceOf(X12Exception.class)
        .hasMessageContaining("segment ST (#3, line 3)")
        .hasMessageContaining("expected a 277 (005010X214) but found a 277 (005010X212)");
  }
}
