package org.revcycle.x12.eligibility;

import java.math.BigDecimal;
import java.util.List;
import org.revcycle.x12.DatePeriod;

/**
 * One EB segment (loop 2110C/2110D): what it says (EB01: 1 active coverage, 6 inactive, A
 * coinsurance, B copay, C deductible ...), for whom (coverage level), which service types, the
 * insurance type and plan, the time period, an amount or a percent, whether in network (EB12),
 * and its own dates and messages.
 */
public record Benefit(
    String code,
    String description,
    String coverageLevel,
    List<String> serviceTypes,
    String insuranceType,
    String planDescription,
    String timePeriod,
    BigDecimal amount,
    BigDecimal percent,
    String inPlanNetwork,
    List<DatePeriod> dates,
    List<String> messages) {

  public Benefit {
    serviceTypes = List.copyOf(serviceTypes);
    dates = List.copyOf(dates);
    messages = List.copyOf(messages);
  }

  public boolean isActiveCoverage() {
    return switch (code) {
      case "1", "2", "3", "4", "5" -> true;
      default -> false;
    };
  }

  public boolean isInactiveCoverage() {
    return switch (code) {
      case "6", "7", "8" -> true;
      default -> false;
    };
  }
}
