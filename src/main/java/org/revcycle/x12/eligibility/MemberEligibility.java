package org.revcycle.x12.eligibility;

import java.util.List;
import java.util.Map;
import org.revcycle.x12.DatePeriod;

/**
 * The answer for one subscriber (HL03 22, loops 2000C-2110C) or dependent (23, 2000D-2110D): the
 * trace numbers echoed from the inquiry, the member id and name as the payer has them, coverage
 * dates by DTP qualifier (346 plan begin, 347 plan end, 291 plan, 307 eligibility, 356/357
 * eligibility begin/end ...), the benefits, and any rejections. Holds patient data: never log it.
 */
public record MemberEligibility(
    Level level,
    List<String> traceNumbers,
    String memberId,
    String lastName,
    String firstName,
    String middleName,
    String suffix,
    Map<String, DatePeriod> dates,
    List<Benefit> benefits,
    List<RequestRejection> rejections) {

  public enum Level { SUBSCRIBER, DEPENDENT }

  public MemberEligibility {
    traceNumbers = List.copyOf(traceNumbers);
    dates = Map.copyOf(dates);
    benefits = List.copyOf(benefits);
    rejections = List.copyOf(rejections);
  }

  /** True with an active-coverage EB (EB01 1-5), false with only inactive ones (6-8), null when no EB says. */
  public Boolean coverageActive() {
    if (benefits.stream().anyMatch(Benefit::isActiveCoverage)) {
      return Boolean.TRUE;
    }
    return benefits.stream().anyMatch(Benefit::isInactiveCoverage) ? Boolean.FALSE : null;
  }

  public List<Benefit> deductibles() {
    return withCode("C");
  }

  public List<Benefit> copays() {
    return withCode("B");
  }

  public List<Benefit> coinsurance() {
    return withCode("A");
  }

  public List<Benefit> withCode(String eb01) {
    return benefits.stream().filter(b -> b.code().equals(eb01)).toList();
  }

  @Override
  public String toString() {
    // names and member ids stay out of logs
    return "MemberEligibility[" + level + ", coverageActive=" + coverageActive() + ", benefits=" + benefits.size()
        + ", rejections=" + rejections.size() + "]";
  }
}
