package org.revcycle.x12.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One STC segment: its status codes (STC01, STC10, STC11), the date the status took effect
 * (STC02), the claim's total charge (STC04) and paid amount (STC05), the payment date (STC06) and
 * check or EFT number (STC09), and the payer's free text (STC12).
 */
public record StatusInformation(
    List<ClaimStatusCode> codes,
    LocalDate effectiveDate,
    BigDecimal totalCharge,
    BigDecimal paidAmount,
    LocalDate paymentDate,
    String checkNumber,
    String message) {

  public StatusInformation {
    codes = List.copyOf(codes);
  }

  /** STC01's category, which says what kind of answer this is. */
  public String category() {
    return codes.get(0).category();
  }

  public boolean isRejection() {
    return codes.stream().anyMatch(ClaimStatusCode::isRejection);
  }
}
