package org.revcycle.x12.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.revcycle.x12.claim.Claims837.money;

import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.revcycle.x12.X12Exception;
import org.revcycle.x12.X12Problem;

/**
 * The 837 files of the imsweb x12-parser Java library (src/test/resources, BSD-3-Clause; LICENSE in
 * src/test/resources/x12/samples/imsweb). imsweb checks loop structure only, so its "valid" files
 * read here with their claims intact but with the faults our schema and guide checks see in them:
 * SE01 counts that do not match, HI composites without codes (HI*BK*8901 where HI*BK:8901 was
 * meant), a second subscriber level whose HL01 repeats 2 and whose parent is 3. The tests name those
 * faults exactly, so a change that hides or invents one fails.
 */
class Claim837ReaderImswebTest {

  private static List<Tuple> problems(Claims837.Read read) {
    return read.result().problems().stream().map(p -> tuple(p.location().describe(), p.code())).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // file, sets, claims, first CLM01, SE position with the wrong count
      "x12_valid.txt, 1, 2, A37YH556, 36",
      "x12_valid_different_separators.txt, 1, 2, A37YH556, 36",
      "x12_complex.txt, 2, 6, A37YH556, 149",
      "x12_many_claims.txt, 1, 820, A37YH556, 0",
      "x12_multiple_gs.txt, 3, 6, A37YH556, 36",
      "x12_multiple_isa.txt, 2, 4, A37YH556, 36",
      "x12_multiple_st.txt, 2, 4, A37YH556, 36",
      "x12_multiple_transactions.txt, 312, 624, A37YH556, 36",
      "x12_no_errors.txt, 1, 2, A37YH556, 43",
      "x12_writer_test.txt, 1, 1, A37YH556, 33",
  })
  void readsEveryClaimAndNamesTheFaults(String file, int sets, int claims, String pcn, int badSe) {
    Claims837.Read read = Claims837.resource("imsweb/837_5010/" + file);

    assertThat(read.result().transactionSets()).isEqualTo(sets);
    assertThat(read.claims()).hasSize(claims);
    assertThat(read.claims()).allSatisfy(c -> {
      assertThat(c.totalCharge()).isEqualTo(money("500.00"));
      assertThat(c.lines()).isNotEmpty();
      assertThat(c.billingProvider().npi()).isEqualTo("1234567890");
      assertThat(c.payer().id()).isEqualTo("11122333");
    });
    assertThat(read.claims().get(0).patientControlNumber()).isEqualTo(pcn);
    assertThat(read.claims().get(0).lines().get(0).procedure()).isEqualTo(Procedure.hcpcs("99211", "25"));
    assertThat(read.claims().get(0).lines().get(0).charge()).isEqualTo(money("12.25"));
    if (badSe > 0) {
      assertThat(problems(read)).contains(tuple("segment SE (#" + badSe + ", line " + badSe + ") element SE01",
          "CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT"));
    }
    assertThat(read.result().problems()).allSatisfy(p -> assertThat(p.location().segmentTag()).isNotNull());
  }

  @Test
  void theValidFileIsReadWithItsFaultsNamed() {
    Claims837.Read read = Claims837.resource("imsweb/837_5010/x12_valid.txt");

    assertThat(read.claims()).extracting(Claim837::patientControlNumber).containsExactly("A37YH556", "A37YH667");
    Claim837 first = read.claims().get(0);
    assertThat(first.subscriber().groupNumber()).isEqualTo("SUBSCRIBER GROUP");
    assertThat(first.subscriber().claimFilingIndicator()).isEqualTo("CI");
    assertThat(first.billingProvider().payToAddress().city()).isEqualTo("GREENBELT");
    assertThat(first.billingProvider().contact().phone()).isEqualTo("3022893453");
    assertThat(first.lines().get(0).serviceDate().through()).hasToString("2005-03-25");
    assertThat(read.headers().get(0).submitter().contact().phoneExtension()).isEqualTo("123");
    assertThat(problems(read)).contains(
        tuple("segment HI (#23, line 23) element HI01-2", "REQUIRED_DATA_ELEMENT_MISSING"),
        tuple("segment HI (#23, line 23) element HI02-1", "INVALID_CODE_VALUE"),
        tuple("segment HL (#27, line 27) element HL01", "HL_NUMBER"),
        tuple("segment HL (#27, line 27) element HL02", "HL_PARENT"),
        tuple("segment HL (#18, line 18) element HL04", "HL_CHILD_CODE"),
        tuple("segment SE (#36, line 36) element SE01", "CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT"));
  }

  @Test
  void theInstitutionalTestFileReadsWithItsProfessionalFacilityQualifierNamed() {
    Claims837.Read read = Claims837.resource("imsweb/837_5010/x223-test.txt");

    assertThat(read.headers().get(0).type()).isEqualTo(ClaimType.INSTITUTIONAL);
    Claim837 claim = read.claims().get(0);
    assertThat(claim.medicalRecordNumber()).isEqualTo("1122334");
    assertThat(List.of(claim.admissionType(), claim.admissionSource(), claim.patientStatus())).containsExactly("1", "7", "30");
    assertThat(claim.otherSubscribers()).extracting(OtherSubscriber::payerResponsibility, OtherSubscriber::payerId)
        .containsExactly(tuple("S", "54321"), tuple("T", "12345"));
    assertThat(claim.lines().get(0).revenueCode()).isEqualTo("0300");
    assertThat(problems(read)).containsExactly(
        tuple("segment CLM (#25, line 25) element CLM05-2", "INVALID_CODE_VALUE"),
        tuple("segment SE (#50, line 49) element SE01", "CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "x12_bad_valid_code.txt | segment NM1 (#9, line 9) element NM101 | UNEXPECTED_SEGMENT | NM1*117 is not expected in the billing provider level",
      "x12_bad_valid_code.txt | segment HL (#8, line 8) | MISSING_LOOP | no billing provider name (loop 2010AA, NM1*85)",
      "x12_loop_errors1_exceeds_max_1_parent.txt | segment NM1 (#15, line 15) | LOOP_REPEATS | loop 2010AA (billing provider) occurs more than once",
      "x12_loop_errors1_exceeds_max_1_parent.txt | segment REF (#18, line 18) | SEGMENT_REPEATS | tax id (REF*EI or REF*SY) occurs more than once",
      "x12_loop_errors2_exceeds_max_repeats_multiple_parents.txt | segment NM1 (#34, line 34) | LOOP_REPEATS | loop 2010AA",
      "x12_loop_errors2_exceeds_max_repeats_multiple_parents.txt | segment HL (#27, line 27) element HL01 | HL_NUMBER | HL01 1 is not the next level number (3)",
      "x12_loop_errors3_missing_loops.txt | segment HL (#8, line 8) | MISSING_LOOP | no billing provider name (loop 2010AA, NM1*85)",
      "x12_missing_elements.txt | segment NM1 (#7, line 7) element NM102 | REQUIRED_DATA_ELEMENT_MISSING | a required element is missing",
      "x12_missing_elements.txt | segment CLM (#31, line 31) element CLM05-1 | REQUIRED_DATA_ELEMENT_MISSING | a required element is missing",
      "x12_missing_required_loop_in_one_repeat.txt | segment HL (#18, line 18) | MISSING_LOOP | no subscriber name (loop 2010BA, NM1*IL)",
      "x12_missing_required_loops_mult_repeats.txt | segment SV1 (#33, line 33) | UNEXPECTED_SEGMENT | SV1 does not belong in this transaction set here",
      "x12_missing_required_loops_mult_repeats.txt | segment DTP (#34, line 34) element DTP02 | INVALID_CODE_VALUE | code 'RD9' is not a valid code here",
      "x12_segment_errors.txt | segment NM1 (#9, line 9) | MISSING_SEGMENT | the billing provider (loop 2010AA) has no address (N3 and N4)",
      "x12_segment_errors.txt | segment REF (#12, line 12) | SEGMENT_REPEATS | tax id (REF*EI or REF*SY) occurs more than once",
      "x12_segment_errors.txt | segment CLM (#21, line 21) | MISSING_SEGMENT | claim has no diagnosis (HI)",
      "x12_segments_out_of_order.txt | segment N4 (#12, line 12) | SEGMENT_NOT_IN_PROPER_SEQUENCE | segment N4 is out of order",
      "x12_segments_out_of_order.txt | segment N3 (#17, line 17) | SEGMENT_NOT_IN_PROPER_SEQUENCE | segment N3 is out of order",
      "x12_ambiguous_loop.txt | segment SE (#35, line 35) element SE01 | CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT | count '25' does not match the actual count",
  })
  void brokenFilesNameSegmentPositionAndFault(String file, String where, String code, String message) {
    Claims837.Read read = Claims837.resource("imsweb/837_5010/" + file);

    assertThat(read.result().clean()).isFalse();
    assertThat(read.result().problems())
        .anySatisfy(p -> {
          assertThat(p.location().describe()).isEqualTo(where);
          assertThat(p.code()).isEqualTo(code);
          assertThat(p.message()).contains(message);
        });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "x12_bad_first_line.txt | line 2 | X12 header position 17",
      "x12_no_isa_line.txt | line 1 | INVALID (previous: INITIAL); input: 'G'",
      "x12_bad_segment_identifier.txt | segment NM1 (#5, line 6) | Invalid processing state after segment NM1",
  })
  void unreadableFilesThrowNamingWhere(String file, String where, String message) {
    assertThatThrownBy(() -> Claims837.resource("imsweb/837_5010/" + file))
        .isInstanceOf(X12Exception.class)
        .satisfies(e -> assertThat(((X12Exception) e).problems()).singleElement().satisfies(p -> {
          assertThat(p.code()).isEqualTo("SYNTAX");
          assertThat(p.location().describe()).isEqualTo(where);
          assertThat(p.message()).contains(message);
        }));
  }

  @Test
  void problemMessagesCarryNoPatientData() {
    Claims837.Read read = Claims837.resource("imsweb/837_5010/x12_missing_required_loop_in_one_repeat.txt");
    assertThat(read.result().problems()).extracting(X12Problem::toString)
        .isNotEmpty()
        .noneMatch(text -> java.util.regex.Pattern.compile("\\b(DOE|DAVID|JOHN)\\b|'123456'").matcher(text).find());
  }
}
