package org.revcycle.coding.edits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.revcycle.coding.edits.ReferenceData.AddOnEdit;
import org.revcycle.coding.edits.ReferenceData.MueLimit;
import org.revcycle.coding.edits.ReferenceData.PtpEdit;
import org.revcycle.coding.edits.ReferenceFiles.SourceFile;

/** Reading the reference files: the CMS layouts, our own tables, and a bad row named by file and line. */
class ReferenceFilesTest {

  private static SourceFile file(String name, String text) {
    return new SourceFile(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static final String PTP_HEADER = "CPT codes copyright American Medical Association\n\n"
      + "Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\t"
      + "Modifier 0=not allowed 1=allowed 9=not applicable\tPTP Edit Rationale\n";

  @Test
  void theShippedSamplesLoad() {
    ReferenceFiles.Parsed parsed = ReferenceFiles.parse(ReferenceDataService.samples());
    assertThat(parsed.files()).extracting(ReferenceFiles.FileInfo::table).containsExactlyInAnyOrder(
        "add_on_code_edit", "mue_edit", "mue_edit", "ncci_ptp_edit", "ncci_ptp_edit", "age_sex_edit",
        "diagnosis_support", "modifier_requirement", "prior_authorization_rule");
    ReferenceData.Tables t = parsed.tables();
    assertThat(t.ptp()).isNotEmpty();
    assertThat(t.mue()).extracting(MueLimit::setting).contains(ReferenceData.MueSetting.PRACTITIONER,
        ReferenceData.MueSetting.OUTPATIENT_HOSPITAL);
    assertThat(t.priorAuth()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(parsed.files()).allSatisfy(f -> assertThat(f.sha256()).hasSize(64));
  }

  @Test
  void ptpRowsInTheCmsLayout() {
    List<PtpEdit> rows = ReferenceFiles.ptp(file("ccipra-v313r0-f1.txt", PTP_HEADER
        + "20610\t99213\t\t20110101\t*\t1\tStandards of medical / surgical practice\n"
        + "43239\t43235\t*\t19940101\t20250701\t0\tMisuse of column two code with column one code\n"),
        ReferenceData.PtpSetting.PRACTITIONER, "ccipra-v313r0-f1");
    assertThat(rows).hasSize(2);
    PtpEdit second = rows.get(1);
    assertThat(second.column1()).isEqualTo("43239");
    assertThat(second.before1996()).isTrue();
    assertThat(second.effective()).isEqualTo(LocalDate.of(1994, 1, 1));
    assertThat(second.deletion()).isEqualTo(LocalDate.of(2025, 7, 1));
    assertThat(second.modifierIndicator()).isEqualTo('0');
    assertThat(second.ref().row()).isEqualTo(5);
    assertThat(rows.get(0).deletion()).isNull();
    assertThat(ReferenceFiles.kindOf("ccipra-v313r0-f1.txt")).isEqualTo(ReferenceFiles.Kind.PTP_PRACTITIONER);
    assertThat(ReferenceFiles.kindOf("ccioph-v313r0-f2.txt")).isEqualTo(ReferenceFiles.Kind.PTP_HOSPITAL);
    assertThat(ReferenceFiles.kindOf("MCR_MUE_PractitionerServices_Eff_01-01-2026.csv")).isEqualTo(ReferenceFiles.Kind.MUE);
    assertThat(ReferenceFiles.kindOf("README.pdf")).isNull();
  }

  @Test
  void mueSettingComesFromTheHeaderAndQuotedPreamblesMaySpanLines() {
    List<MueLimit> rows = ReferenceFiles.mue(file("MCR_MUE_OutpatientHospitalServices.csv",
        "\"CPT codes, descriptions and other data only are copyright 2025 American Medical Association.\nAll rights reserved.\"\r\n"
            + "\"HCPCS/CPT Code\",\"Outpatient Hospital Services MUE Values\",\"MUE Adjudication Indicator\",\"MUE Rationale\"\r\n"
            + "\"99285\",\"1\",\"2 Date of Service Edit: Policy\",\"Nature of Service/Procedure\"\r\n"), "v");
    assertThat(rows).singleElement().satisfies(m -> {
      assertThat(m.setting()).isEqualTo(ReferenceData.MueSetting.OUTPATIENT_HOSPITAL);
      assertThat(m.maxUnits()).isEqualTo(1);
      assertThat(m.adjudicationIndicator()).isEqualTo(2);
      assertThat(m.ref().row()).isEqualTo(4);
    });
  }

  @Test
  void addOnDatesAreYearAndDayOfYear() {
    List<AddOnEdit> rows = ReferenceFiles.addOns(file("AOC_V2026Q1.txt",
        "Add-On Code\tAOC Deletion Date\tPrimary Code\tPrimary Code Deletion Date\tAOC Edit Type\t"
            + "AOC Edit Effective Date\tAOC Edit Deletion Date\tSpecial Instruction Notes\n"
            + "11045\t*\t11042\t*\t1\t2013091\t*\t\n"
            + "95940\t*\tCCCCC\t*\t2\t2013091\t2024366\tnone listed\n"), "AOC_V2026Q1");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).effective()).isEqualTo(LocalDate.of(2013, 4, 1));
    assertThat(rows.get(1).primaryCode()).isNull();
    assertThat(rows.get(1).deletion()).isEqualTo(LocalDate.of(2024, 12, 31));
  }

  @Test
  void aMalformedRowNamesTheFileAndLine() {
    assertThatThrownBy(() -> ReferenceFiles.parse(List.of(file("ccipra-v313r0-f1.txt", PTP_HEADER
        + "20610\t99213\t\t20110101\t*\t1\tok\n"
        + "20610\t99214\t\t20110101\t*\tX\tbad indicator\n"))))
        .isInstanceOf(ReferenceDataException.class)
        .hasMessage("ccipra-v313r0-f1.txt line 5: modifier indicator 'X' is not 0, 1 or 9");
    assertThatThrownBy(() -> ReferenceFiles.parse(List.of(file("ccioph-v313r0-f1.txt", PTP_HEADER
        + "20610\t99213\t\t2011-01-01\t*\t1\tok\n"))))
        .hasMessage("ccioph-v313r0-f1.txt line 4: effective date '2011-01-01' is not a date (YYYYMMDD)");
    assertThatThrownBy(() -> ReferenceFiles.parse(List.of(file("MCR_MUE_Practitioner.csv",
        "\"HCPCS/CPT Code\",\"Practitioner Services MUE Values\",\"MUE Adjudication Indicator\",\"MUE Rationale\"\n"
            + "\"99213\",\"1\",\"2 Date of Service Edit: Policy\",\"x\"\n"
            + "\"9921\",\"one\",\"2 Date of Service Edit: Policy\",\"x\"\n"))))
        .hasMessage("MCR_MUE_Practitioner.csv line 3: HCPCS/CPT code '9921' is not a five-character HCPCS/CPT code");
    assertThatThrownBy(() -> ReferenceFiles.parse(List.of(file("prior-authorization.csv",
        "payer_id,code_type,code,effective_date,end_date,note\nCMA,HCPCS,70553,2020-01-01,,MRI\nCMA,HCPCS,70553,2020-01-01\n"))))
        .hasMessage("prior-authorization.csv line 3: 4 columns where the header has 6");
    assertThatThrownBy(() -> ReferenceFiles.parse(List.of(file("ccipra-v1.txt", "20610\t99213\t\t20110101\t*\t1\n"))))
        .hasMessageContaining("ccipra-v1.txt: no header line starting with 'Column 1'");
  }

  @Test
  void theFirstBadFileStopsTheWholeParse() {
    SourceFile good = file("ccipra-v313r0-f1.txt", PTP_HEADER + "20610\t99213\t\t20110101\t*\t1\tok\n");
    SourceFile bad = file("age-sex-edits.csv", "code_system,code,sex,min_age,max_age,description\nICD10,N40,X,,,bph\n");
    assertThatThrownBy(() -> ReferenceFiles.parse(List.of(good, bad)))
        .isInstanceOf(ReferenceDataException.class)
        .hasMessage("age-sex-edits.csv line 2: sex 'X' is not F, M or empty")
        .satisfies(e -> {
          assertThat(((ReferenceDataException) e).file()).isEqualTo("age-sex-edits.csv");
          assertThat(((ReferenceDataException) e).line()).isEqualTo(2);
        });
  }
}
