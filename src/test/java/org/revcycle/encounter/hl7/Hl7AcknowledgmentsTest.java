package org.revcycle.encounter.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import org.junit.jupiter.api.Test;

class Hl7AcknowledgmentsTest {

  private final Hl7Acknowledgments acks = new Hl7Acknowledgments();

  @Test
  void anUnreadableMessageIsRejectedEvenWithoutAHeader() {
    String ack = acks.error(new Hl7Acknowledgments.Header(null, null, null, null, null, null, null), "AR",
        new HL7Exception("not HL7v2: no MSH segment", ErrorCode.SEGMENT_SEQUENCE_ERROR));

    assertThat(ack).startsWith("MSH|^~\\&|REVCYCLE|").contains("\rMSA|AR||not HL7v2: no MSH segment")
        .contains("\rERR|||100^Segment sequence error^HL70357|E||||not HL7v2: no MSH segment");
  }

  @Test
  void anErrorNamesSegmentRepetitionAndField() {
    String ack = acks.error(new Hl7Acknowledgments.Header("EHR", "KVH", "REVCYCLE", "KVH", "P03", "C1", "P"), "AE",
        Hl7EncounterMapper.error("the charge amount is missing", "FT1", 2, 11, ErrorCode.REQUIRED_FIELD_MISSING));

    assertThat(ack).contains("\rMSA|AE|C1|").contains("\rERR||FT1^2^11|101^Required field missing^HL70357|E|");
    assertThat(ack.split("\r")[0].split("\\|")[4]).isEqualTo("EHR");
    // a control id of its own, with no counter file left in the working directory
    assertThat(ack.split("\r")[0].split("\\|")[9]).matches("RC[0-9A-F]{18}");
    assertThat(new java.io.File("id_file")).doesNotExist();
  }
}
