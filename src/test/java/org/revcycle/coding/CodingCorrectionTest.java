package org.revcycle.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.revcycle.claim.ClaimRepository;
import org.revcycle.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the claim-edit form sends: read leniently, refused clearly, nothing written when refused. */
class CodingCorrectionTest {

  @Test
  void readsCommaOrSpaceSeparatedCodesUpperCasedWithoutDuplicates() {
    assertThat(CodingCorrection.parseDiagnoses(" e11.9, I10;I10\nZ79.4 ")).containsExactly("E11.9", "I10", "Z79.4");
    assertThat(CodingCorrection.parseDiagnoses("  ")).isEmpty();
    assertThat(CodingCorrection.parseDiagnoses(null)).isEmpty();
  }

  @Test
  void namesEveryCodeThatIsNotIcd10Cm() {
    assertThatThrownBy(() -> CodingCorrection.parseDiagnoses("E11.9, 250.00, U07.1"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'250.00' is not an ICD-10-CM code")
        .hasMessageContaining("'U07.1' is not an ICD-10-CM code")
        .hasMessageNotContaining("'E11.9'");
  }

  @Test
  void aBadValueChangesNothing() {
    JdbcClient jdbc = mock(JdbcClient.class);
    ClaimRepository claims = mock(ClaimRepository.class);
    when(claims.diagnoses(any())).thenReturn(List.of());
    CodingCorrection correction = new CodingCorrection(jdbc, claims, Clock.systemUTC());

    assertThatThrownBy(() -> correction.apply(UUID.randomUUID(),
        new CodingCorrection.Corrections("E11.9", "no spaces allowed"), "coder"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("priorAuthorizationNumber");
    assertThatThrownBy(() -> correction.apply(UUID.randomUUID(),
        new CodingCorrection.Corrections("A00 A01 A02 A03 A04 A05 A06 A07 A08 A09 B00 B01 B02", null), "coder"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 12");
    verifyNoInteractions(jdbc);
  }
}
