package org.revcycle.x12.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A PLB segment: money the payer adds or takes back outside any claim (interest, recoupments,
 * forwarding balances). A positive amount reduces the payment; a negative one adds to it.
 *
 * @param providerId PLB01, usually the payee's NPI or tax id
 * @param fiscalPeriodEnd PLB02
 */
public record ProviderAdjustment(String providerId, LocalDate fiscalPeriodEnd, List<Item> items) {

  public ProviderAdjustment {
    items = List.copyOf(items);
  }

  /**
   * @param reasonCode PLB03-1: L6 interest, WO overpayment recovery, FB forwarding balance, CS
   *     adjustment, 72 authorized return, ...
   * @param reference PLB03-2: often the payer claim number and patient account it concerns
   */
  public record Item(String reasonCode, String reference, BigDecimal amount) {}

  public BigDecimal total() {
    return items.stream().map(Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
