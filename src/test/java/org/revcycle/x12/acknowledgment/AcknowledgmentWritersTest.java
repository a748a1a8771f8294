package org.revcycle.x12.acknowledgment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.revcycle.x12.CountingControlNumbers;
import org.revcycle.x12.DatePeriod;
import org.revcycle.x12.InterchangeParties;
import org.revcycle.x12.X12Exception;
import org.revcycle.x12.X12InterchangeWriter;
import org.revcycle.x12.status.ClaimStatusCode;
import org.revcycle.x12.status.StatusInformation;

/** 999 and 277CA written by the x12 package read back, value for value, by its own readers. */
class AcknowledgmentWritersTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:15:00Z"), ZoneOffset.UTC);

  private static byte[] interchange(Consumer<X12InterchangeWriter> body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (X12InterchangeWriter writer = new X12InterchangeWriter(out, InterchangeParties.of("CLEARINGHOUSE", "REVCYCLE", 'T'),
        new CountingControlNumbers(41), CLOCK)) {
      body.accept(writer);
    }
    return out.toByteArray();
  }

  @Test
  void rejected999NamesSetSegmentElementAndClaimAndReadsBack() {
    SegmentError clm = new SegmentError("CLM", 23, "2300", FunctionalAcknowledgmentWriter.reason("E620", "8"),
        List.of("CLM01: PCN-77"), List.of(new ElementError(2, null, null, "782",
            FunctionalAcknowledgmentWriter.reason("E621", "6"), "12X")));
    TransactionSetResponse rejected = new TransactionSetResponse("837", "0042", "005010X222A1", AcknowledgmentStatus.REJECTED,
        null, List.of(FunctionalAcknowledgmentWriter.reason("E718", "5")), List.of(clm));
    TransactionSetResponse accepted = new TransactionSetResponse("837", "0043", "005010X222A1", AcknowledgmentStatus.ACCEPTED,
        null, List.of(), List.of());
    FunctionalAcknowledgment ack = new FunctionalAcknowledgment(null, "HC", "1017", "005010X222A1",
        AcknowledgmentStatus.PARTIALLY_ACCEPTED, null, 2, 2, 1, List.of(), List.of(rejected, accepted));

    byte[] file = interchange(w -> FunctionalAcknowledgmentWriter.writeGroup(w, List.of(ack)));
    String text = new String(file, StandardCharsets.US_ASCII);
    assertThat(text).contains("GS*FA*", "ST*999*", "AK1*HC*1017*005010X222A1~", "IK3*CLM*23*2300*8~", "CTX*CLM01:PCN-77~",
        "IK4*2*782*6*12X~", "IK5*R*5~", "IK5*A~", "AK9*P*2*2*1~");

    FunctionalAcknowledgmentReport report = FunctionalAcknowledgmentReader.read(new ByteArrayInputStream(file));
    assertThat(report.problems()).isEmpty();
    FunctionalAcknowledgment read = report.acknowledgments().get(0);
    assertThat(read.groupControlNumber()).isEqualTo("1017");
    assertThat(read.groupStatus()).isEqualTo(AcknowledgmentStatus.PARTIALLY_ACCEPTED);
    assertThat(read.setsAccepted()).isEqualTo(1);
    TransactionSetResponse set = read.set("0042");
    assertThat(set.status()).isEqualTo(AcknowledgmentStatus.REJECTED);
    assertThat(set.reasons()).extracting(CodedReason::code).containsExactly("5");
    SegmentError error = set.segmentErrors().get(0);
    assertThat(error.describe()).isEqualTo("segment CLM at position 23 in loop 2300: Segment Has Data Element Errors");
    assertThat(error.context()).containsExactly("CLM01: PCN-77");
    assertThat(error.elementErrors().get(0).toString())
        .isEqualTo("element 2 (data element 782): Invalid Character In Data Element [6]");
    assertThat(read.set("0043").status()).isEqualTo(AcknowledgmentStatus.ACCEPTED);
  }

  @Test
  void a999WithACodeOutsideTheGuideIsNotWritten() {
    SegmentError bad = new SegmentError("CLM", 23, "2300", new CodedReason("ZZ", "no such code"), List.of(), List.of());
    FunctionalAcknowledgment ack = new FunctionalAcknowledgment(null, "HC", "1", "005010X222A1", AcknowledgmentStatus.REJECTED,
        null, 1, 1, 0, List.of(), List.of(new TransactionSetResponse("837", "0001", null, AcknowledgmentStatus.REJECTED,
            null, List.of(), List.of(bad))));

    assertThatThrownBy(() -> interchange(w -> FunctionalAcknowledgmentWriter.writeGroup(w, List.of(ack))))
        .isInstanceOf(X12Exception.class).hasMessageContaining("IK3");
  }

  private static ClaimAcknowledgment ack(String pcn, String category, String code, String entity, String payerClaim,
      String charge) {
    return new ClaimAcknowledgment(pcn, payerClaim, "CH-" + pcn, null,
        List.of(new StatusInformation(List.of(new ClaimStatusCode(category, code, entity, null)), LocalDate.of(2026, 11, 27),
            new BigDecimal(charge), null, null, null, null)),
        new DatePeriod(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20)));
  }

  @Test
  void claimAcknowledgmentReadsBackPerClaimWithBatchTotals() {
    ClaimAcknowledgmentBatch batch = new ClaimAcknowledgmentBatch("B-1017", LocalDate.of(2026, 11, 27),
        LocalDate.of(2026, 11, 27), "COMMERCIAL PLAN A", "CMA", "REVCYCLE", "REVCYCLE", "1017",
        List.of(new AcknowledgedClaim("CLINIC SEVEN", "1234567893", "TESTPERSON", "ALEX", "LMH123456789",
                ack("PCN-1", "A2", "20", "PR", "CMA000000000011", "249.50")),
            new AcknowledgedClaim("CLINIC SEVEN", "1234567893", "TESTPERSON", "SAM", "LMH123456780",
                ack("PCN-2", "A7", "562", "85", null, "100.00")),
            new AcknowledgedClaim("GENERAL HOSPITAL", "1245319599", "TESTPERSON", "KIM", "LMH123456781",
                ack("PCN-3", "A3", "21", "IL", null, "1000.00"))));

    byte[] file = interchange(w -> ClaimAcknowledgmentWriter.writeGroup(w, List.of(batch), LocalDateTime.now(CLOCK)));

    ClaimAcknowledgmentReport report = ClaimAcknowledgmentReader.read(new ByteArrayInputStream(file));
    assertThat(report.problems()).isEmpty();
    assertThat(report.claims()).extracting(ClaimAcknowledgment::patientControlNumber).containsExactly("PCN-1", "PCN-2", "PCN-3");
    ClaimAcknowledgment accepted = report.claims().get(0);
    assertThat(accepted.isAccepted()).isTrue();
    assertThat(accepted.statusCategory()).isEqualTo("A2");
    assertThat(accepted.payerClaimControlNumber()).isEqualTo("CMA000000000011");
    assertThat(accepted.clearinghouseTraceNumber()).isEqualTo("CH-PCN-1");
    assertThat(accepted.amount()).isEqualByComparingTo("249.50");
    assertThat(accepted.serviceDates().from()).isEqualTo(LocalDate.of(2026, 11, 20));
    ClaimAcknowledgment invalid = report.claims().get(1);
    assertThat(invalid.isAccepted()).isFalse();
    assertThat(invalid.statusCategory()).isEqualTo("A7");
    assertThat(invalid.statusCode()).isEqualTo("562");
    assertThat(invalid.entity()).isEqualTo("85");
    assertThat(report.claims().get(2).statusCategory()).isEqualTo("A3");
    assertThat(report.levelStatuses().get(0).acceptedQuantity()).isEqualTo(1);
    assertThat(report.levelStatuses().get(0).rejectedQuantity()).isEqualTo(2);
    assertThat(report.levelStatuses().get(0).acceptedAmount()).isEqualByComparingTo("249.50");
    assertThat(report.levelStatuses().get(0).rejectedAmount()).isEqualByComparingTo("1100.00");
  }
}
