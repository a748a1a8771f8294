package org.revcycle.x12.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.revcycle.x12.status.Samples.open;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.revcycle.x12.InquiryParty;
import org.revcycle.x12.InquiryPerson;
import org.revcycle.x12.InterchangeParties;
import org.revcycle.x12.Segment;
import org.revcycle.x12.X12Exception;
import org.revcycle.x12.X12InterchangeWriter;
import org.revcycle.x12.X12SegmentReader;
import org.revcycle.x12.CountingControlNumbers;

/**
 * 270 writing and 271 reading. Samples: stupidedi (github.com/irobayna/stupidedi, spec/fixtures,
 * BSD-3-Clause) and imsweb x12-parser (github.com/imsweb/x12-parser, BSD-3-Clause); LICENSE files
 * beside the copies under src/test/resources/x12/samples.
 */
class EligibilityTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-05T14:30:00Z"), ZoneOffset.UTC);

  @Test
  void payerRejectionOfTheProviderIsARequestRejectionInPlainWords() {
    EligibilityResponse response = EligibilityResponseReader.read(
        open("stupidedi/X279A1-HB271/error-response-from-payer-to-clinic-not-eligible-for-inquiries-with-payer.edi"));

    assertThat(response.problems()).isEmpty();
    assertThat(response.guide()).isEqualTo("005010X279A1");
    assertThat(response.members()).isEmpty();
    assertThat(response.requestRejections()).containsExactly(new RequestRejection("2100B", true,
        "50", "Provider Ineligible for Inquiries", "N", "Resubmission Not Allowed"));
  }

  @Test
  void x279SubscriberResponseIsReadWithItsGuideNamed() {
    // 005010X279 is the 5010 guide before addendum A1; the segments read here did not change in A1
    EligibilityResponse response = EligibilityResponseReader.read(
        open("stupidedi/X279-HB271/response-to-generic-request-by-clinic-for-patient-subscriber-eligibility.edi"));

    assertThat(response.problems()).isEmpty();
    assertThat(response.guide()).isEqualTo("005010X279");
    MemberEligibility subscriber = response.members().get(0);
    assertThat(response.members()).hasSize(1);
    assertThat(subscriber.level()).isEqualTo(MemberEligibility.Level.SUBSCRIBER);
    assertThat(subscriber.memberId()).isEqualTo("123456789");
    assertThat(subscriber.lastName()).isEqualTo("SMITH");
    assertThat(subscriber.firstName()).isEqualTo("JOHN");
    assertThat(subscriber.traceNumbers()).containsExactly("93175-012547");
    assertThat(subscriber.coverageActive()).isTrue();
    assertThat(subscriber.dates().get("346").from()).isEqualTo(LocalDate.of(2006, 1, 1));
    assertThat(subscriber.benefits()).extracting(Benefit::code).containsExactly("1", "L", "1", "B", "B");
    assertThat(subscriber.benefits().get(0).serviceTypes()).containsExactly("30");
    assertThat(subscriber.benefits().get(0).planDescription()).isEqualTo("GOLD 123 PLAN");
    assertThat(subscriber.benefits().get(0).description()).isEqualTo("Active Coverage");
    assertThat(subscriber.benefits().get(2).serviceTypes())
        .containsExactly("1", "33", "35", "47", "86", "88", "98", "AL", "MH", "UC");
    assertThat(subscriber.copays()).extracting(b -> b.amount() + " " + b.inPlanNetwork() + " " + b.insuranceType() + " " + b.timePeriod())
        .containsExactly("10 Y HM 27", "30 N HM 27");
    assertThat(subscriber.deductibles()).isEmpty();
    assertThat(subscriber.toString()).doesNotContain("SMITH").doesNotContain("123456789");
  }

  @Test
  void x279DependentResponseIsTheDependentsAnswer() {
    EligibilityResponse response = EligibilityResponseReader.read(
        open("stupidedi/X279-HB271/response-to-generic-request-by-physician-for-patient-dependent-eligibility.edi"));

    assertThat(response.problems()).isEmpty();
    assertThat(response.members()).extracting(MemberEligibility::level)
        .containsExactly(MemberEligibility.Level.SUBSCRIBER, MemberEligibility.Level.DEPENDENT);
    assertThat(response.members().get(0).benefits()).isEmpty();
    MemberEligibility dependent = response.members().get(1);
    assertThat(dependent.firstName()).isEqualTo("MARY");
    assertThat(dependent.memberId()).isNull();
    assertThat(dependent.coverageActive()).isTrue();
    assertThat(dependent.copays()).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"imsweb/x270_271/x271.txt", "imsweb/x270_271/x270.txt"})
  void fourZeroOneZeroInterchangesAreRefusedNamingIsa12(String sample) {
    // x271.txt declares 005010X279A1 in ST03 but sits in a 4010 interchange (ISA12 00401, GS08 004010X092A1)
    assertThatThrownBy(() -> EligibilityResponseReader.read(open(sample)))
        .isInstanceOf(X12Exception.class)
        .hasMessageContaining("segment ISA (#1, line 1) element ISA12")
        .hasMessageContaining("not 00501");
  }

  @Test
  void stupidedi270SamplesValidateAgainstThe270Schema() {
    for (String sample : List.of("stupidedi/X279A1-HS270/generic-request-by-clinic-for-patient-subscriber-eligibility.edi",
        "stupidedi/X279A1-HS270/generic-request-by-physician-for-patient-dependent-eligibility.edi")) {
      List<Segment> segments = readAll(bytes(sample));
      assertThat(segments).filteredOn(s -> s.is("EQ")).extracting(s -> s.text(1)).containsExactly("30");
    }
  }

  private static EligibilityInquiry inquiry(InquiryPerson dependent, String serviceType) {
    return new EligibilityInquiry("REF0001",
        InquiryParty.organization("ACME HEALTH", "PI", "842610001"),
        InquiryParty.organization("GENERAL HOSPITAL", "XX", "1666666661"),
        new InquiryPerson("MEMBER01", "TESTLAST", "TESTFIRST", LocalDate.of(1970, 1, 2), "F"),
        dependent, "TRACE-1", "9123456789", List.of("30", serviceType), LocalDate.of(2024, 3, 5));
  }

  private static byte[] write(List<EligibilityInquiry> inquiries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (X12InterchangeWriter writer = new X12InterchangeWriter(out, InterchangeParties.of("HOSPITAL", "PAYER", 'T'),
        new CountingControlNumbers(41), CLOCK)) {
      EligibilityInquiryWriter.writeGroup(writer, inquiries, LocalDateTime.now(CLOCK));
    }
    return out.toByteArray();
  }

  @Test
  void written270ReadsBackCleanWithTheValuesWritten() {
    List<Segment> segments = readAll(write(List.of(inquiry(null, "MH"),
        inquiry(new InquiryPerson(null, "TESTLAST", "CHILD", LocalDate.of(2012, 7, 8), "M"), "AL"))));

    assertThat(segments).filteredOn(s -> s.is("GS")).extracting(s -> s.text(1) + " " + s.text(8)).containsExactly("HS 005010X279A1");
    assertThat(segments).filteredOn(s -> s.is("HL")).extracting(s -> s.text(3))
        .containsExactly("20", "21", "22", "20", "21", "22", "23");
    assertThat(segments).filteredOn(s -> s.is("TRN")).extracting(s -> s.text(2) + " " + s.text(3))
        .containsExactly("TRACE-1 9123456789", "TRACE-1 9123456789");
    assertThat(segments).filteredOn(s -> s.is("EQ")).extracting(s -> s.text(1)).containsExactly("30", "MH", "30", "AL");
    assertThat(segments).filteredOn(s -> s.is("DTP", "291")).extracting(s -> s.text(3)).containsOnly("20240305");
    assertThat(segments).filteredOn(s -> s.is("NM1", "IL")).extracting(s -> s.text(9)).containsOnly("MEMBER01");
    assertThat(segments).filteredOn(s -> s.is("NM1", "03")).extracting(s -> s.text(4)).containsExactly("CHILD");
    assertThat(segments).filteredOn(s -> s.is("ISA")).extracting(s -> s.text(13)).containsExactly("000000041");
  }

  @Test
  void writerRefusesWhatIts270SchemaRejects() {
    assertThatThrownBy(() -> write(List.of(inquiry(null, "300"))))
        .isInstanceOf(X12Exception.class)
        .satisfies(e -> assertThat(((X12Exception) e).problems()).anySatisfy(p -> {
          assertThat(p.location().segmentTag()).isEqualTo("EQ");
          assertThat(p.location().elementPosition()).isEqualTo(1);
          assertThat(p.code()).isEqualTo("DATA_ELEMENT_TOO_LONG");
        }));
  }

  private static byte[] bytes(String sample) {
    try (var in = open(sample)) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Segment> readAll(byte[] x12) {
    List<Segment> segments = new ArrayList<>();
    try (X12SegmentReader reader = X12SegmentReader.open(new ByteArrayInputStream(x12))) {
      Segment segment;
      while ((segment = reader.next()) != null) {
        segments.add(segment);
      }
      assertThat(reader.problems()).isEmpty();
    }
    return segments;
  }
}
