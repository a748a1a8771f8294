package org.revcycle.x12.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.revcycle.x12.CountingControlNumbers;
import org.revcycle.x12.InquiryParty;
import org.revcycle.x12.InquiryPerson;
import org.revcycle.x12.InterchangeParties;
import org.revcycle.x12.X12Exception;
import org.revcycle.x12.X12InterchangeWriter;

/** The 277 writer: what it writes, the 277 reader reads back clean, value for value. */
class ClaimStatusResponseWriterTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

  private static ClaimStatusAnswer answer(String category, String code, BigDecimal paid, InquiryPerson dependent) {
    return new ClaimStatusAnswer("RESP01", InquiryParty.organization("ACME HEALTH", "PI", "12345"),
        InquiryParty.organization("REVCYCLE", "46", "REVCYCLE"),
        InquiryParty.organization("GENERAL HOSPITAL", "XX", "1666666661"),
        new InquiryPerson("MEMBER01", "TESTLAST", "TESTFIRST", null, null), dependent, "TRACE001", category, code,
        LocalDate.of(2026, 11, 27), new BigDecimal("249.50"), paid, paid == null ? null : LocalDate.of(2026, 11, 20),
        paid == null ? null : "0326112001", "PCN-0001", "CMA000000000011", null, LocalDate.of(2026, 11, 10),
        LocalDate.of(2026, 11, 12));
  }

  private static byte[] write(List<ClaimStatusAnswer> answers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (X12InterchangeWriter writer = new X12InterchangeWriter(out, InterchangeParties.of("PAYER", "REVCYCLE", 'T'),
        new CountingControlNumbers(3), CLOCK)) {
      ClaimStatusResponseWriter.writeGroup(writer, answers, LocalDateTime.now(CLOCK));
    }
    return out.toByteArray();
  }

  @Test
  void written277ReadsBackCleanWithTheValuesWritten() {
    byte[] x12 = write(List.of(answer("F1", "65", new BigDecimal("150.12"), null),
        answer("P1", "20", null, new InquiryPerson(null, "TESTLAST", "CHILD", null, null))));

    ClaimStatusReport report = ClaimStatusReader.read(new ByteArrayInputStream(x12));

    assertThat(report.problems()).isEmpty();
    assertThat(report.claims()).hasSize(2);
    ClaimStatusResponse paid = report.claims().get(0);
    assertThat(paid.traceNumber()).isEqualTo("TRACE001");
    assertThat(paid.patientControlNumber()).isEqualTo("PCN-0001");
    assertThat(paid.payerClaimNumber()).isEqualTo("CMA000000000011");
    assertThat(paid.status().category()).isEqualTo("F1");
    assertThat(paid.status().codes().get(0).status()).isEqualTo("65");
    assertThat(paid.status().codes().get(0).categoryDescription()).isEqualTo("Finalized/Payment");
    assertThat(paid.totalCharge()).isEqualByComparingTo("249.50");
    assertThat(paid.paidAmount()).isEqualByComparingTo("150.12");
    assertThat(paid.status().paymentDate()).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(paid.status().checkNumber()).isEqualTo("0326112001");
    assertThat(paid.serviceDates().from()).isEqualTo(LocalDate.of(2026, 11, 10));
    assertThat(paid.serviceDates().to()).isEqualTo(LocalDate.of(2026, 11, 12));
    ClaimStatusResponse pending = report.claims().get(1);
    assertThat(pending.status().category()).isEqualTo("P1");
    assertThat(pending.paidAmount()).isNull();
    assertThat(new String(x12)).contains("GS*HN*").contains("NM1*QC*1*TESTLAST*CHILD");
  }

  @Test
  void aCategoryTheGuideDoesNotKnowIsNotWritten() {
    assertThatThrownBy(() -> write(List.of(answer("Z9", "65", null, null)))).isInstanceOf(X12Exception.class)
        .hasMessageContaining("STC");
  }
}
