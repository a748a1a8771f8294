package org.revcycle.remittance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The denial analyst reads the reason codes in words, with what to do. */
class DenialReasonCodesTest {

  @Test
  void explainsEachReasonOnceSkipsThePatientShareAndListsRemarks() {
    ClaimAdjudication denied = new ClaimAdjudication("RC1", "CMA", "CMA1", "4", new BigDecimal("165.00"),
        new BigDecimal("0.00"), new BigDecimal("10.00"), List.of(
        new ClaimAdjudication.Adjustment("CO", "197", new BigDecimal("120.00")),
        new ClaimAdjudication.Adjustment("CO", "197", new BigDecimal("30.00")),
        new ClaimAdjudication.Adjustment("PR", "2", new BigDecimal("10.00")),
        new ClaimAdjudication.Adjustment("OA", "999", new BigDecimal("5.00"))), List.of("N290"),
        LocalDate.of(2026, 11, 27), "TRN1");

    String explanation = DenialReasonCodes.explain(denied);

    assertThat(explanation.lines()).containsExactly(
        "CO-197: Precertification or authorization absent. Usually owned by authorization. Suggested: Obtain a retro"
            + " authorization if the payer allows, then resubmit; otherwise appeal.",
        "OA-999: reason code not in revcycle's list; look it up in the X12 CARC list",
        "Remark codes (RARC) with more detail: N290");
  }
}
