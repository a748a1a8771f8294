package org.revcycle.x12.status;

import java.math.BigDecimal;
import java.util.List;
import org.revcycle.x12.DatePeriod;

/** Status of one service line (loop 2220D/2220E): SVC, its STCs, REF*FJ and DTP*472. */
public record ServiceLineStatus(
    String procedureQualifier,
    String procedureCode,
    List<String> modifiers,
    BigDecimal charge,
    BigDecimal paid,
    String revenueCode,
    BigDecimal units,
    List<StatusInformation> statuses,
    String lineItemControlNumber,
    DatePeriod serviceDates) {

  public ServiceLineStatus {
    modifiers = List.copyOf(modifiers);
    statuses = List.copyOf(statuses);
  }
}
