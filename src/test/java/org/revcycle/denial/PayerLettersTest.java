package org.revcycle.denial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What is read from a payer's letter: claim number, patient account, reason codes and words, deadline. */
class PayerLettersTest {

  @Test
  void aGeneratedPdfLetterIsReadBackWithItsFields() throws IOException {
    byte[] pdf = DenialsIT.pdf("Medicaid Managed Care - Request for information", "Payer claim number: MCO-2026-448812",
        "Patient account number: RC20261127000042", "Adjustment reason OA-23. Denial reason: other insurance is primary",
        "Please respond by: March 5, 2027");
    assertThat(PayerLetters.isPdf(pdf, null)).as("recognized by its header").isTrue();
    PayerLetters.LetterFields fields = PayerLetters.extract(PayerLetters.pdfText(pdf));
    assertThat(fields.payerClaimNumber()).isEqualTo("MCO-2026-448812");
    assertThat(fields.patientAccount()).isEqualTo("RC20261127000042");
    assertThat(fields.reasonCodes()).containsExactly("OA-23");
    assertThat(fields.reason()).isEqualTo("other insurance is primary");
    assertThat(fields.deadline()).isEqualTo(LocalDate.of(2027, 3, 5));
  }

  @Test
  void plainTextLettersAndOtherDateFormats() {
    PayerLetters.LetterFields fields = PayerLetters.extract("""
        Claim #: 99887766
        Account #: PCN-77
        CARC 197 - precertification absent
        Appeal must be received by 12/31/2026""");
    assertThat(fields.payerClaimNumber()).isEqualTo("99887766");
    assertThat(fields.patientAccount()).isEqualTo("PCN-77");
    assertThat(fields.reasonCodes()).containsExactly("197");
    assertThat(fields.deadline()).isEqualTo(LocalDate.of(2026, 12, 31));
  }

  @Test
  void aLetterNamingNothingHasNoFields() {
    PayerLetters.LetterFields fields = PayerLetters.extract("Thank you for your inquiry. We will be in touch.");
    assertThat(fields.payerClaimNumber()).isNull();
    assertThat(fields.patientAccount()).isNull();
    assertThat(fields.reasonCodes()).isEmpty();
    assertThat(fields.deadline()).isNull();
  }

  @Test
  void somethingThatIsNotAPdfSaysSo() {
    assertThatThrownBy(() -> PayerLetters.pdfText("%PDF-1.7 nothing".getBytes())).isInstanceOf(IOException.class);
  }
}
