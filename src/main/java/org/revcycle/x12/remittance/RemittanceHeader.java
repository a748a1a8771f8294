package org.revcycle.x12.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.revcycle.x12.EnvelopeIds;

/**
 * The 835 header: which interchange, group and set it came in (for "acted on once"), the payment
 * (BPR), the trace that ties it to the bank deposit (TRN), the payer (1000A) and payee (1000B).
 *
 * @param handlingCode BPR01: C payment with remittance, I remittance only, H notification, ...
 * @param creditDebit BPR03: C credit, D debit
 * @param paymentMethod BPR04: ACH, CHK, FWT, BOP, NON
 * @param traceNumber TRN02: the check or EFT trace number
 * @param originatingCompanyId TRN03: the payer's id as the bank knows it
 */
public record RemittanceHeader(
    EnvelopeIds envelope,
    String handlingCode,
    BigDecimal totalPayment,
    String creditDebit,
    String paymentMethod,
    LocalDate paymentDate,
    String traceNumber,
    String originatingCompanyId,
    LocalDate productionDate,
    Party payer,
    Party payee) {

  /**
   * A payer or payee as the 835 names it.
   *
   * @param idQualifier N103: XV CMS plan id, FI tax id, XX NPI, PI payer id
   * @param additionalIds REF pairs in the party's loop (2U payer id, TJ tax id, ...), qualifier first
   */
  public record Party(String name, String idQualifier, String id, String addressLine, String city, String state,
      String postalCode, java.util.Map<String, String> additionalIds) {

    public Party {
      additionalIds = additionalIds == null ? java.util.Map.of() : java.util.Map.copyOf(additionalIds);
    }
  }
}
