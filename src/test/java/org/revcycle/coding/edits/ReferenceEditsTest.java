package org.revcycle.coding.edits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.revcycle.coding.edits.EditClaims.claim;
import static org.revcycle.coding.edits.EditClaims.line;
import static org.revcycle.coding.edits.EditClaims.professional;
import static org.revcycle.coding.edits.EditClaims.revenueLine;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each data-table edit against the shipped sample reference data. */
class ReferenceEditsTest {

  private static final Set<String> ALL = Set.of(ReferenceEdits.NCCI_PTP, ReferenceEdits.MUE, ReferenceEdits.ADD_ON,
      ReferenceEdits.MODIFIER, ReferenceEdits.DIAGNOSIS_SUPPORT, ReferenceEdits.PRIOR_AUTH, ReferenceEdits.AGE_SEX);
  private static ReferenceData data;

  @BeforeAll
  static void load() {
    data = EditClaims.sampleData();
  }

  private static List<EditResult> check(ClaimFacts claim) {
    return ReferenceEdits.check(claim, ALL, data);
  }

  private static List<String> codes(ClaimFacts claim) {
    return check(claim).stream().map(EditResult::code).toList();
  }

  @Test
  void aCleanOfficeVisitWithLabsPassesEveryTable() {
    assertThat(check(professional(List.of("E11.9", "I10"), line(1, "99214", 1), line(2, "80053", 1),
        line(3, "83036", 1), line(4, "36415", 1)))).isEmpty();
  }

  @Test
  void ncciPairWithIndicator0CannotBeUnbundled() {
    List<EditResult> edits = check(claim("PROFESSIONAL", "CMA", "COMMERCIAL", "C07", "CLINIC", 45, "F", true,
        List.of("R51.9"), line(1, "70553", 1), line(2, "70551", 1, "59")));
    assertThat(edits).hasSize(1);
    EditResult e = edits.get(0);
    assertThat(e.code()).isEqualTo("E-NCCI-PTP");
    assertThat(e.severity()).isEqualTo("ERROR");
    assertThat(e.lineNumber()).isEqualTo(2);
    assertThat(e.message()).contains("70551", "70553", "More extensive procedure");
    assertThat(e.suggestedFix()).startsWith("Remove line 2 (70551)");
    assertThat(e.referenceTable()).isEqualTo("ncci_ptp_edit");
    assertThat(e.referenceVersion()).isEqualTo("ccipra-sample-v311r0");
    assertThat(e.referenceRow()).as("its line in the file (after the preamble, the header and 15 rows)").isEqualTo(20);
  }

  @Test
  void ncciPairWithIndicator1PassesWithAnNcciModifier() {
    assertThat(codes(professional(List.of("M17.11"), line(1, "99213", 1), line(2, "20610", 1, "RT"))))
        .as("E/M on the day of a joint injection without 25")
        .containsExactly("E-NCCI-PTP-MOD");
    assertThat(codes(professional(List.of("M17.11"), line(1, "99213", 1, "25"), line(2, "20610", 1, "RT"))))
        .as("25 on the E/M: separately identifiable").isEmpty();
    assertThat(codes(professional(List.of("M17.11"), line(1, "99213", 1), line(2, "20610", 1, "59", "RT"))))
        .as("59 does not unbundle an E/M").containsExactly("E-NCCI-PTP-MOD");
    assertThat(codes(professional(List.of("M54.50"), line(1, "97140", 1, "GP"), line(2, "97530", 1, "GP", "59"))))
        .as("59 on a procedure pair").isEmpty();
  }

  @Test
  void ncciEditsOnlyPairLinesOfTheSameDayAndOnlyWhileActive() {
    ClaimFacts.Line otherDay = new ClaimFacts.Line(2, "70551", List.of(), null, java.math.BigDecimal.ONE,
        new java.math.BigDecimal("100.00"), EditClaims.DOS.plusDays(1));
    assertThat(codes(claim("PROFESSIONAL", "CMA", "COMMERCIAL", "C07", "CLINIC", 45, "F", true, List.of("R51.9"),
        line(1, "70553", 1), otherDay))).isEmpty();
    assertThat(codes(professional(List.of("M54.50"), line(1, "97750", 1, "GP"), line(2, "97140", 1, "GP"))))
        .as("deleted on 2020-01-01").isEmpty();
    assertThat(codes(professional(List.of("Z12.5"), line(1, "G0102", 1), line(2, "99397", 1))))
        .as("indicator 9: not applicable").doesNotContain("E-NCCI-PTP", "E-NCCI-PTP-MOD");
  }

  @Test
  void outpatientHospitalClaimsUseTheHospitalTable() {
    ClaimFacts er = claim("INSTITUTIONAL", "CMA", "COMMERCIAL", "H03", "HOSPITAL", 45, "F", false, List.of("R07.9"),
        revenueLine(1, "0450", "99285", 1), revenueLine(2, "0450", "99284", 1));
    assertThat(codes(er)).containsExactly("E-NCCI-PTP");
    assertThat(check(er).get(0).referenceVersion()).isEqualTo("ccioph-sample-v311r0");
  }

  @Test
  void medicallyUnlikelyUnitsPerDay() {
    assertThat(codes(professional(List.of("M17.11"), line(1, "J3301", 8)))).isEmpty();
    List<EditResult> edits = check(professional(List.of("M17.11"), line(1, "J3301", 6), line(2, "J3301", 4)));
    assertThat(edits).extracting(EditResult::code).containsExactly("E-MUE");
    assertThat(edits.get(0).message()).contains("J3301", "10 units", "at most 8");
    assertThat(edits.get(0).referenceTable()).isEqualTo("mue_edit");
    assertThat(codes(professional(List.of("I10"), line(1, "99214", 2)))).containsExactly("E-MUE");
  }

  @Test
  void mueIndicator1IsPerLine() {
    assertThat(codes(professional(List.of("M17.11"), line(1, "96372", 3), line(2, "96372", 3)))).isEmpty();
    assertThat(codes(professional(List.of("M17.11"), line(1, "96372", 5)))).containsExactly("E-MUE");
  }

  @Test
  void addOnCodesNeedTheirPrimary() {
    assertThat(codes(professional(List.of("I10"), line(1, "99215", 1), line(2, "99417", 2)))).isEmpty();
    List<EditResult> edits = check(professional(List.of("I10"), line(1, "99214", 1), line(2, "99417", 1)));
    assertThat(edits).extracting(EditResult::code).containsExactly("E-ADDON-PRIMARY");
    assertThat(edits.get(0).message()).contains("99205", "99215");
    assertThat(edits.get(0).referenceTable()).isEqualTo("add_on_code_edit");
    assertThat(codes(professional(List.of("I10"), line(1, "96375", 1)))).as("type 3: a warning")
        .containsExactly("W-ADDON-PRIMARY");
    assertThat(codes(professional(List.of("G40.909"), line(1, "95940", 2)))).as("type 2 alone")
        .containsExactly("E-ADDON-ALONE");
    assertThat(codes(professional(List.of("G40.909"), line(1, "95940", 2), line(2, "61510", 1)))).isEmpty();
  }

  @Test
  void modifierRequirements() {
    List<EditResult> edits = check(professional(List.of("M54.50"), line(1, "97110", 2)));
    assertThat(edits).extracting(EditResult::code).containsExactly("E-MODIFIER");
    assertThat(edits.get(0).message()).contains("GP or GO or GN");
    assertThat(edits.get(0).suggestedFix()).contains("GP");
    assertThat(codes(professional(List.of("M54.50"), line(1, "97110", 2, "GP")))).isEmpty();
    assertThat(codes(professional(List.of("M17.11"), line(1, "20610", 1)))).containsExactly("E-MODIFIER");
    assertThat(codes(professional(List.of("M17.11"), line(1, "20610", 1, "LT")))).isEmpty();
  }

  @Test
  void diagnosisMustSupportTheProcedure() {
    List<EditResult> edits = check(professional(List.of("J06.9"), line(1, "70553", 1)));
    assertThat(edits).extracting(EditResult::code).containsExactly("E-DX-SUPPORT", "E-AUTH-MISSING");
    assertThat(edits.get(0).message()).contains("70553", "MRI of the brain", "R51");
    assertThat(codes(professional(List.of("J06.9", "G43.909"), line(1, "70553", 1)))).containsExactly("E-AUTH-MISSING");
  }

  @Test
  void priorAuthorizationPerPayerAndCode() {
    ClaimFacts mri = professional(List.of("R51.9"), line(1, "70553", 1));
    List<EditResult> edits = check(mri);
    assertThat(edits).extracting(EditResult::code).containsExactly("E-AUTH-MISSING");
    assertThat(edits.get(0).exceptionType()).isEqualTo("AUTHORIZATION");
    assertThat(edits.get(0).referenceTable()).isEqualTo("prior_authorization_rule");
    assertThat(codes(claim("PROFESSIONAL", "CMA", "COMMERCIAL", "C07", "CLINIC", 45, "F", true, List.of("R51.9"),
        line(1, "70553", 1)))).as("authorization on file").isEmpty();
    assertThat(codes(professional(List.of("M54.50"), line(1, "72148", 1)))).as("CMA authorizes lumbar MRI")
        .containsExactly("E-AUTH-MISSING");
    assertThat(codes(claim("PROFESSIONAL", "CMB", "COMMERCIAL", "C07", "CLINIC", 45, "F", false, List.of("M54.50"),
        line(1, "72148", 1)))).as("CMB does not").isEmpty();
    assertThat(codes(claim("INSTITUTIONAL", "MCD", "MEDICAID", "H02", "HOSPITAL", 45, "F", false, List.of("K21.9"),
        revenueLine(1, "0360", "43239", 1), revenueLine(2, "0370", null, 1))))
        .as("one edit per line, though both the code and the revenue code need it").containsExactly("E-AUTH-MISSING");
    assertThat(codes(claim("PROFESSIONAL", "CMB", "COMMERCIAL", "C07", "CLINIC", 45, "F", false, List.of("R10.9"),
        line(1, "74177", 1)))).as("a rule that ended in 2023").isEmpty();
  }

  @Test
  void ageAndSexConflicts() {
    List<EditResult> edits = check(professional(List.of("Z00.00"), line(1, "99396", 1)));
    assertThat(edits).isEmpty();
    edits = check(claim("PROFESSIONAL", "CMA", "COMMERCIAL", "C07", "CLINIC", 39, "F", false, List.of("Z00.00"),
        line(1, "99396", 1)));
    assertThat(edits).extracting(EditResult::code).containsExactly("E-AGE-CONFLICT");
    assertThat(edits.get(0).message()).contains("ages 40 to 64", "was 39");
    assertThat(codes(professional(List.of("N40.0"), line(1, "99213", 1)))).containsExactly("E-SEX-CONFLICT");
    assertThat(codes(claim("PROFESSIONAL", "CMA", "COMMERCIAL", "C07", "CLINIC", 70, "M", false, List.of("N40.0"),
        line(1, "G0102", 1)))).isEmpty();
    assertThat(codes(claim("PROFESSIONAL", "CMA", "COMMERCIAL", "C07", "CLINIC", 70, "M", false, List.of("O09.90"),
        line(1, "76805", 1)))).containsExactly("E-SEX-CONFLICT", "E-SEX-CONFLICT", "E-AGE-CONFLICT");
  }

  @Test
  void onlyTheFamiliesAskedForRun() {
    ClaimFacts claim = professional(List.of("J06.9"), line(1, "70553", 1), line(2, "70551", 1));
    assertThat(ReferenceEdits.check(claim, Set.of(ReferenceEdits.AGE_SEX), data)).isEmpty();
    assertThat(ReferenceEdits.check(claim, Set.of(ReferenceEdits.NCCI_PTP), data)).extracting(EditResult::code)
        .containsExactly("E-NCCI-PTP");
  }
}
