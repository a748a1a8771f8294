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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.revcycle.x12.CountingControlNumbers;
import org.revcycle.x12.InquiryParty;
import org.revcycle.x12.InquiryPerson;
import org.revcycle.x12.InterchangeParties;
import org.revcycle.x12.Segment;
import org.revcycle.x12.X12Exception;
import org.revcycle.x12.X12InterchangeWriter;
import org.revcycle.x12.X12SegmentReader;

class ClaimStatusInquiryWriterTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-05T14:30:00Z"), ZoneOffset.UTC);
  private static final LocalDateTime NOW = LocalDateTime.now(CLOCK);

  static ClaimStatusInquiry inquiry(InquiryPerson dependent, String gender) {
    return new ClaimStatusInquiry("REQ0001",
        InquiryParty.organization("ACME HEALTH", "PI", "12345"),
        InquiryParty.organization("GENERAL HOSPITAL", "46", "X67E"),
        InquiryParty.organization("GENERAL HOSPITAL", "XX", "1666666661"),
        new InquiryPerson("MEMBER01", "TESTLAST", "TESTFIRST", LocalDate.of(1970, 1, 2), gender),
        dependent, "TRACE001", "PCN-0001", "PAYER-77", "111", new BigDecimal("8513.88"),
        LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 3));
  }

  static byte[] write(List<ClaimStatusInquiry> inquiries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (X12InterchangeWriter writer = new X12InterchangeWriter(out, InterchangeParties.of("HOSPITAL", "PAYER", 'T'),
        new CountingControlNumbers(7), CLOCK)) {
      ClaimStatusInquiryWriter.writeGroup(writer, inquiries, NOW);
    }
    return out.toByteArray();
  }

  @Test
  void written276ReadsBackCleanWithTheValuesWritten() {
    byte[] x12 = write(List.of(inquiry(null, "F"),
        inquiry(new InquiryPerson(null, "TESTLAST", "CHILD", LocalDate.of(2010, 5, 6), "M"), "F")));

    List<Segment> segments = new ArrayList<>();
    try (X12SegmentReader reader = X12SegmentReader.open(new ByteArrayInputStream(x12))) {
      Segment segment;
      while ((segment = reader.next()) != null) {
        segments.add(segment);
      }
      assertThat(reader.problems()).isEmpty();
    }
    assertThat(segments).filteredOn(s -> s.is("ST")).extracting(s -> s.text(1) + " " + s.text(3))
        .containsExactly("276 005010X212", "276 005010X212");
    assertThat(segments).filteredOn(s -> s.is("HL")).extracting(s -> s.text(3))
        .containsExactly("20", "21", "19", "22", "20", "21", "19", "22", "23");
    assertThat(segments).filteredOn(s -> s.is("TRN")).extracting(s -> s.text(2)).containsExactly("TRACE001", "TRACE001");
    assertThat(segments).filteredOn(s -> s.is("REF", "EJ")).extracting(s -> s.text(2)).containsOnly("PCN-0001");
    assertThat(segments).filteredOn(s -> s.is("REF", "1K")).extracting(s -> s.text(2)).containsOnly("PAYER-77");
    assertThat(segments).filteredOn(s -> s.is("AMT", "T3")).extracting(s -> s.decimal(2)).containsOnly(new BigDecimal("8513.88"));
    assertThat(segments).filteredOn(s -> s.is("DTP", "472")).extracting(s -> s.text(2) + " " + s.text(3))
        .containsOnly("RD8 20240201-20240203");
    assertThat(segments).filteredOn(s -> s.is("NM1", "QC")).extracting(s -> s.text(4)).containsExactly("CHILD");
    assertThat(segments).filteredOn(s -> s.is("GS")).extracting(s -> s.text(1)).containsExactly("HR");
  }

  /** stupidedi 276 samples (github.com/irobayna/stupidedi, BSD-3-Clause; LICENSE beside the copies). */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"claim-request.edi", "claim-ncpdp-request.edi",
      "info-receiver-request.edi", "provider-request.edi"})
  void stupidedi276SamplesValidateAgainstThe276Schema(String sample) {
    List<Segment> segments = new ArrayList<>();
    try (X12SegmentReader reader = X12SegmentReader.open(Samples.open("stupidedi/X212-HR276/" + sample))) {
      Segment segment;
      while ((segment = reader.next()) != null) {
        segments.add(segment);
      }
      assertThat(reader.problems()).isEmpty();
      assertThat(reader.guideVersion()).isEqualTo("005010X212");
    }
    assertThat(segments).filteredOn(s -> s.is("TRN")).extracting(s -> s.text(2)).first().isEqualTo("ABCXYZ1");
  }

  @Test
  void writerRefusesWhatIts276SchemaRejects() {
    assertThatThrownBy(() -> write(List.of(inquiry(null, "X"))))
        .isInstanceOf(X12Exception.class)
        .satisfies(e -> assertThat(((X12Exception) e).problems()).anySatisfy(p -> {
          assertThat(p.location().segmentTag()).isEqualTo("DMG");
          assertThat(p.location().elementPosition()).isEqualTo(3);
          assertThat(p.code()).isEqualTo("INVALID_CODE_VALUE");
        }))
        .hasMessageNotContaining("TESTLAST");
  }
}
