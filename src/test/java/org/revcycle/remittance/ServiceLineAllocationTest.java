package org.revcycle.remittance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.revcycle.x12.remittance.Adjustment;
import org.revcycle.x12.remittance.ServicePayment;

/** Which claim line each 835 SVC pays: REF*6R first, then code and charge, then code; each line once. */
class ServiceLineAllocationTest {

  private static final List<ServiceLineAllocation.ClaimLine> LINES = List.of(
      new ServiceLineAllocation.ClaimLine(1, "99214", null, new BigDecimal("185.00")),
      new ServiceLineAllocation.ClaimLine(2, "80053", null, new BigDecimal("64.50")),
      new ServiceLineAllocation.ClaimLine(3, "80053", null, new BigDecimal("30.00")),
      new ServiceLineAllocation.ClaimLine(4, null, "0450", new BigDecimal("900.00")));

  private static ServicePayment svc(String qualifier, String code, String charge, String ref) {
    return new ServicePayment(qualifier, code, List.of(), new BigDecimal(charge), new BigDecimal("0"), null, null, null, null,
        LocalDate.of(2026, 11, 2), null, ref, Map.of(), List.of(), List.<Adjustment>of(), null);
  }

  @Test
  void theLineControlNumberWinsOverTheCode() {
    // 6R says line 3, even though line 2 has the same code and charge
    assertThat(ServiceLineAllocation.allocate("RC1", List.of(svc("HC", "80053", "64.50", "3")), LINES)).containsExactly(3);
    assertThat(ServiceLineAllocation.allocate("RC1", List.of(svc("HC", "80053", "64.50", "RC1-2")), LINES)).containsExactly(2);
  }

  @Test
  void withoutA6RTheCodeAndChargeDecideThenTheCodeAlone() {
    List<Integer> allocated = ServiceLineAllocation.allocate("RC1", List.of(
        svc("HC", "80053", "30.00", null), svc("HC", "80053", "70.00", null), svc("HC", "99214", "185.00", null)), LINES);
    // the 30.00 SVC takes line 3 by its charge; the other 80053 takes the line left with that code
    assertThat(allocated).containsExactly(3, 2, 1);
  }

  @Test
  void anInstitutionalLineMatchesByRevenueCode() {
    assertThat(ServiceLineAllocation.allocate("RC1", List.of(svc("NU", "0450", "900.00", null)), LINES)).containsExactly(4);
  }

  @Test
  void anSvcNoLineFitsIsLeftForTheClaimLevelAndNoLineIsPaidTwice() {
    List<Integer> allocated = ServiceLineAllocation.allocate("RC1", List.of(
        svc("HC", "99214", "185.00", "1"), svc("HC", "99214", "185.00", "1"), svc("HC", "J3420", "12.00", "9")), LINES);
    assertThat(allocated).containsExactly(1, null, null);
  }

  @Test
  void a6RThatIsNotOurLineNumberIsIgnored() {
    assertThat(ServiceLineAllocation.lineNumberFrom6R("OTHER-2", "RC1")).isNull();
    assertThat(ServiceLineAllocation.lineNumberFrom6R("RC1.4", "RC1")).isEqualTo(4);
    assertThat(ServiceLineAllocation.lineNumberFrom6R("0", "RC1")).isNull();
    assertThat(ServiceLineAllocation.lineNumberFrom6R(" 2 ", "RC1")).isEqualTo(2);
    assertThat(ServiceLineAllocation.allocate("RC1", List.of(svc("HC", "99214", "185.00", "ABC123")), LINES)).containsExactly(1);
  }
}
