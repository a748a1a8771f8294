package org.revcycle.coding.edits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.revcycle.coding.edits.EditClaims.line;
import static org.revcycle.coding.edits.EditClaims.professional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.revcycle.encounter.ClosedEncounter;
import org.revcycle.platform.engine.StandaloneDecisions;
import org.revcycle.sandbox.SandboxNetwork;
import org.revcycle.sandbox.SyntheticEncounters;

/**
 * The whole engine (the payer-edits DRD and the reference tables) on claims: every clean claim the
 * sandbox EHR writes passes with no error, every coding defect it plants is caught, and every edit
 * says what produced it.
 */
class PayerEditEngineTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T15:00:00Z"), ZoneOffset.UTC);
  private static PayerEditEngine engine;
  private static SandboxNetwork network;

  @BeforeAll
  static void build() {
    ReferenceData data = EditClaims.sampleData();
    engine = new PayerEditEngine(new StandaloneDecisions(List.of("decisions/payer-edits.dmn")), () -> data);
    network = new SandboxNetwork();
  }

  @Test
  void everyCleanSandboxClaimPassesWithNoError() {
    SyntheticEncounters ehr = new SyntheticEncounters(network, 7, CLOCK, 0.0, 0.0);
    List<String> held = new ArrayList<>();
    for (ClosedEncounter e : ehr.next(3_000)) {
      PayerEditEngine.Run run = engine.evaluate(EditClaims.of(e, network, LocalDate.now(CLOCK)));
      if (!run.passed()) {
        held.add(e.facilityId() + " " + e.charges().stream().map(c -> c.procedureCode() + c.modifiersOrEmpty()).toList()
            + " " + e.diagnoses() + ": " + run.edits().stream().filter(EditResult::holdsClaim)
                .map(x -> x.code() + " " + x.message()).toList());
      }
    }
    assertThat(held).isEmpty();
  }

  @Test
  void everyPlantedCodingDefectIsCaught() {
    SyntheticEncounters ehr = new SyntheticEncounters(network, 11, CLOCK, 0.0, 1.0);
    for (ClosedEncounter e : ehr.next(300)) {
      if (e.coverage() == null) {
        continue;
      }
      PayerEditEngine.Run run = engine.evaluate(EditClaims.of(e, network, LocalDate.now(CLOCK)));
      assertThat(run.edits()).extracting(EditResult::code).as("%s", e.charges()).contains("E-AUTH-MISSING");
    }
  }

  @Test
  void everyEditNamesWhatProducedIt() {
    ClaimFacts claim = professional(List.of(), line(1, "70553", 1), line(2, "70551", 1), line(3, "97110", 2));
    PayerEditEngine.Run run = engine.evaluate(claim);
    assertThat(run.passed()).isFalse();
    assertThat(run.edits()).extracting(EditResult::code)
        .contains("E-DX-MISSING", "E-NCCI-PTP", "E-MODIFIER", "E-AUTH-MISSING", "E-DX-SUPPORT");
    for (EditResult e : run.edits()) {
      assertThat(e.severity()).isIn("ERROR", "WARNING");
      assertThat(e.message()).isNotBlank();
      assertThat(e.suggestedFix()).isNotBlank();
      assertThat(e.decisionKey()).isNotBlank();
      assertThat(e.ruleId()).isNotBlank();
    }
    EditResult dx = run.edits().stream().filter(e -> e.code().equals("E-DX-MISSING")).findFirst().orElseThrow();
    assertThat(dx.decisionKey()).isEqualTo("coding-completeness");
    assertThat(dx.ruleId()).isEqualTo("Rule_DxMissing");
    assertThat(dx.referenceTable()).isNull();
    EditResult ptp = run.edits().stream().filter(e -> e.code().equals("E-NCCI-PTP")).findFirst().orElseThrow();
    assertThat(ptp.decisionKey()).isEqualTo("edit-families");
    assertThat(ptp.ruleId()).isEqualTo("Rule_FamilyPtpProfessional");
    assertThat(ptp.producedBy()).isEqualTo("ncci_ptp_edit row 20 of ccipra-sample-v311r0");
  }

  @Test
  void selfPayClaimsSkipThePayerTables() {
    ClaimFacts selfPay = new ClaimFacts("PROFESSIONAL", null, "SELF_PAY", 365, "C07", "CLINIC", null, false,
        EditClaims.DOS, EditClaims.DOS.plusDays(2), 45, "F", false, new java.math.BigDecimal("200.00"),
        List.of("J06.9"), List.of(line(1, "70553", 1), line(2, "70551", 1)));
    assertThat(engine.evaluate(selfPay).edits()).isEmpty();
  }
}
