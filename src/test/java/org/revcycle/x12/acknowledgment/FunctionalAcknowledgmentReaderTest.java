package org.revcycle.x12.acknowledgment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.revcycle.x12.status.Samples.open;
import static org.revcycle.x12.status.Samples.text;

import org.junit.jupiter.api.Test;
import org.revcycle.x12.X12Exception;
import org.revcycle.x12.X12Problem;

/**
 * 999 and 997 reading. Samples: stupidedi (github.com/irobayna/stupidedi, spec/fixtures, BSD-3-Clause)
 * and imsweb x12-parser (github.com/imsweb/x12-parser, src/test/resources, BSD-3-Clause); their
 * LICENSE files sit beside the copies under src/test/resources/x12/samples.
 */
class FunctionalAcknowledgmentReaderTest {

  private static final String ENVELOPE = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*000000001*0*T*:~"
      + "GS*FA*SENDER*RECEIVER*20240101*1200*1*X*005010X231A1~";

  @Test
  void stupidedi999NamesTheRejectedClaimsSegmentsAndElements() {
    FunctionalAcknowledgmentReport report = FunctionalAcknowledgmentReader.read(
        open("stupidedi/X231A1-FA999/response-to-functional-group-containing-3-837s.edi"));

    assertThat(report.problems()).isEmpty();
    assertThat(report.acknowledgments()).hasSize(1);
    FunctionalAcknowledgment ack = report.acknowledgments().get(0);
    assertThat(ack.acknowledgmentSetId()).isEqualTo("999");
    assertThat(ack.functionalId()).isEqualTo("HC");
    assertThat(ack.groupControlNumber()).isEqualTo("17456");
    assertThat(ack.groupGuide()).isEqualTo("005010X222A2");
    assertThat(ack.groupStatus()).isEqualTo(AcknowledgmentStatus.PARTIALLY_ACCEPTED);
    assertThat(ack.groupStatusCode().description()).isEqualTo("Partially Accepted, At Least One Transaction Set Was Rejected");
    assertThat(ack.setsIncluded()).isEqualTo(3);
    assertThat(ack.setsReceived()).isEqualTo(3);
    assertThat(ack.setsAccepted()).isEqualTo(1);
    assertThat(ack.sets()).extracting(TransactionSetResponse::controlNumber).containsExactly("0001", "0002", "0003");
    assertThat(ack.set("0001").status()).isEqualTo(AcknowledgmentStatus.ACCEPTED);
    assertThat(ack.set("0001").segmentErrors()).isEmpty();

    TransactionSetResponse second = ack.set("0002");
    assertThat(second.status()).isEqualTo(AcknowledgmentStatus.REJECTED);
    assertThat(second.reasons()).containsExactly(new CodedReason("5", "One or More Segments in Error"));
    SegmentError clm = second.segmentErrors().get(0);
    assertThat(clm.segmentId()).isEqualTo("CLM");
    assertThat(clm.position()).isEqualTo(22);
    assertThat(clm.error()).isEqualTo(new CodedReason("8", "Segment Has Data Element Errors"));
    assertThat(clm.context()).containsExactly("CLM01: 123456789");
    assertThat(clm.describe()).isEqualTo("segment CLM at position 22: Segment Has Data Element Errors");
    ElementError element = clm.elementErrors().get(0);
    assertThat(element.elementPosition()).isEqualTo(2);
    assertThat(element.dataElementReference()).isEqualTo("782");
    assertThat(element.error()).isEqualTo(new CodedReason("1", "Required Data Element Missing"));

    SegmentError ref = ack.set("0003").segmentErrors().get(0);
    assertThat(ref.segmentId()).isEqualTo("REF");
    assertThat(ref.position()).isEqualTo(57);
    assertThat(ref.error().description()).isEqualTo("Required Segment Missing");
    assertThat(ref.context()).containsExactly("situational trigger: segment CLM at position 43 element 5", "CLM01: 987654321");
  }

  @Test
  void stupidedi997ReadsWithTheSameRecords() {
    FunctionalAcknowledgmentReport report = FunctionalAcknowledgmentReader.read(
        open("stupidedi/X230-FA997/response-to-functional-group-containing-837s.edi"));

    assertThat(report.problems()).isEmpty();
    FunctionalAcknowledgment ack = report.acknowledgments().get(0);
    assertThat(ack.acknowledgmentSetId()).isEqualTo("997");
    assertThat(ack.groupStatus()).isEqualTo(AcknowledgmentStatus.PARTIALLY_ACCEPTED);
    assertThat(ack.setsIncluded()).isEqualTo(2);
    assertThat(ack.setsAccepted()).isEqualTo(1);
    assertThat(ack.set("0001").status().isAccepted()).isTrue();
    SegmentError clm = ack.set("0002").segmentErrors().get(0);
    assertThat(clm.segmentId()).isEqualTo("CLM");
    assertThat(clm.position()).isEqualTo(22);
    assertThat(clm.error().description()).isEqualTo("Segment Has Data Element Errors");
    assertThat(clm.elementErrors().get(0).elementPosition()).isEqualTo(1);
    assertThat(clm.elementErrors().get(0).dataElementReference()).isEqualTo("1028");
    assertThat(clm.elementErrors().get(0).error().description()).isEqualTo("Mandatory data element missing");
  }

  @Test
  void imsweb999AcceptedIsReadAndItsEnvelopeDefectsAreReported() {
    FunctionalAcknowledgmentReport report = FunctionalAcknowledgmentReader.read(open("imsweb/837_5010/x12_999_accepted.txt"));

    FunctionalAcknowledgment ack = report.acknowledgments().get(0);
    assertThat(ack.groupStatus()).isEqualTo(AcknowledgmentStatus.ACCEPTED);
    assertThat(ack.groupGuide()).isEqualTo("005010X223A2");
    assertThat(ack.set("0001").guide()).isEqualTo("005010X223A2");
    assertThat(ack.set("0001").status()).isEqualTo(AcknowledgmentStatus.ACCEPTED);
    // the file itself is flawed: GS05 102497 is no time, and IEA02 does not repeat ISA13
    assertThat(report.problems()).extracting(p -> p.location().segmentTag() + p.location().elementPosition() + " " + p.code())
        .containsExactly("GS5 INVALID_TIME", "IEA2 CONTROL_REFERENCE_MISMATCH");
  }

  @Test
  void imsweb999RejectedNamesTheSegment() {
    FunctionalAcknowledgmentReport report = FunctionalAcknowledgmentReader.read(open("imsweb/837_5010/x12_999_rejected.txt"));

    assertThat(report.problems()).isEmpty();
    FunctionalAcknowledgment ack = report.acknowledgments().get(0);
    assertThat(ack.groupStatus()).isEqualTo(AcknowledgmentStatus.REJECTED);
    assertThat(ack.setsAccepted()).isZero();
    TransactionSetResponse set = ack.set("0028");
    assertThat(set.status()).isEqualTo(AcknowledgmentStatus.REJECTED);
    assertThat(set.segmentErrors()).singleElement().satisfies(error -> {
      assertThat(error.segmentId()).isEqualTo("NM");
      assertThat(error.position()).isEqualTo(17);
      assertThat(error.error().description()).isEqualTo("Unrecognized segment ID");
    });
  }

  @Test
  void unknownAcknowledgmentCodeIsAProblemNamingTheElement() {
    FunctionalAcknowledgmentReport report = FunctionalAcknowledgmentReader.read(text(ENVELOPE
        + "ST*999*0001*005010X231A1~AK1*HC*1*005010X222A1~AK2*837*0001~IK5*Q~AK9*A*1*1*1~SE*6*0001~GE*1*1~IEA*1*000000001~"));

    assertThat(report.problems()).extracting(X12Problem::toString)
        .containsExactly("segment IK5 (#6, line 1) element IK501: code 'Q' is not a valid code here [INVALID_CODE_VALUE]");
  }

  @Test
  void missingAk9AndUnknownSegmentAreNamedWithPosition() {
    FunctionalAcknowledgmentReport report = FunctionalAcknowledgmentReader.read(text(ENVELOPE
        + "ST*999*0001*005010X231A1~AK1*HC*1~AK2*837*0001~ZZZ*1~IK5*A~SE*6*0001~GE*1*1~IEA*1*000000001~"));

    assertThat(report.problems()).extracting(p -> p.location().segmentTag() + "#" + p.location().segmentPosition() + " " + p.code())
        .containsExactly("ZZZ#6 SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET", "AK9#8 MANDATORY_SEGMENT_MISSING");
    assertThat(report.acknowledgments()).isEmpty();
  }

  @Test
  void nonNumericCountIsAProblemNamingSegmentAndElement() {
    assertThatThrownBy(() -> FunctionalAcknowledgmentReader.read(text(ENVELOPE
        + "ST*999*0001*005010X231A1~AK1*HC*1~AK2*837*0001~IK5*A~AK9*A*ONE*1*1~SE*6*0001~GE*1*1~IEA*1*000000001~")))
        .isInstanceOf(X12Exception.class)
        .satisfies(e -> assertThat(((X12Exception) e).problems())
            .anySatisfy(p -> {
              assertThat(p.location().segmentTag()).isEqualTo("AK9");
              assertThat(p.location().segmentPosition()).isEqualTo(7);
              assertThat(p.location().elementPosition()).isEqualTo(2);
            }));
  }

  @Test
  void truncatedFileThrowsNamingWhere() {
    assertThatThrownBy(() -> FunctionalAcknowledgmentReader.read(text(ENVELOPE + "ST*999*0001*005010X231A1~AK1*HC*1~AK2*83")))
        .isInstanceOf(X12Exception.class)
        .satisfies(e -> assertThat(((X12Exception) e).problems().get(0).location().segmentTag()).isEqualTo("AK2"));
  }

  @Test
  void notX12AtAllThrowsX12Exception() {
    assertThatThrownBy(() -> FunctionalAcknowledgmentReader.read(text("{\"resourceType\": \"Patient\"}")))
        .isInstanceOf(X12Exception.class);
    assertThatThrownBy(() -> FunctionalAcknowledgmentReader.read(text("")))
        .isInstanceOf(X12Exception.class);
  }
}
