package org.revcycle.x12.remittance;

import java.math.BigDecimal;
import java.util.List;

/**
 * One 835 transaction set read whole: the header (payment, trace, payer, payee), its claims and its
 * provider-level adjustments. Large files are better streamed through {@link RemittanceListener};
 * this form is for small files, tests and the writer.
 */
public record RemittanceAdvice(RemittanceHeader header, List<ClaimPayment> claims, List<ProviderAdjustment> providerAdjustments) {

  public RemittanceAdvice {
    claims = List.copyOf(claims);
    providerAdjustments = List.copyOf(providerAdjustments);
  }

  /** Σ CLP04 − Σ PLB: what BPR02 must equal for the file to balance. */
  public BigDecimal expectedPayment() {
    BigDecimal paid = claims.stream().map(ClaimPayment::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal provider = providerAdjustments.stream().map(ProviderAdjustment::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    return paid.subtract(provider);
  }
}
