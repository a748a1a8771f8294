package org.revcycle.x12.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** 835 content for tests: balanced, with the cases a posting engine must handle. */
public final class RemittanceSamples {

  private static final LocalDate SERVICE_DATE = LocalDate.of(2026, 11, 2);

  private RemittanceSamples() {}

  /** A paid claim with patient responsibility, a denial, a reversal, and interest less a recoupment. */
  public static RemittanceAdvice paidAdvice() {
    ClaimPayment paid = claim("PCN-1", "1", "250", "150",
        List.of(),
        List.of(new ServicePayment("HC", "99213", List.of("25"), new BigDecimal("150"), new BigDecimal("90"), null, null,
                null, null, SERVICE_DATE, SERVICE_DATE, "1", Map.of("B6", new BigDecimal("120")), List.of(),
                List.of(new Adjustment("CO", "45", new BigDecimal("30"), null), new Adjustment("PR", "2", new BigDecimal("30"), null)),
                null),
            new ServicePayment("HC", "80053", List.of(), new BigDecimal("100"), new BigDecimal("60"), null, new BigDecimal("1"),
                null, null, SERVICE_DATE, SERVICE_DATE, "2", Map.of(), List.of("N130"),
                List.of(new Adjustment("CO", "45", new BigDecimal("20"), null), new Adjustment("PR", "3", new BigDecimal("20"), null)),
                null)));
    ClaimPayment denied = claim("PCN-2", "4", "80", "0",
        List.of(new Adjustment("CO", "197", new BigDecimal("80"), null)), List.of());
    ClaimPayment reversal = claim("PCN-3", "22", "-200", "-120",
        List.of(new Adjustment("CO", "45", new BigDecimal("-80"), null)), List.of());
    List<ProviderAdjustment> plb = List.of(new ProviderAdjustment("1234567893", LocalDate.of(2026, 12, 31), List.of(
        new ProviderAdjustment.Item("L6", "PCN-1", new BigDecimal("-2.50")),
        new ProviderAdjustment.Item("WO", "PCN-0", new BigDecimal("10")))));
    // 150 + 0 - 120 - (-2.50 + 10) = 22.50
    BigDecimal total = new BigDecimal("22.50");
    RemittanceHeader header = new RemittanceHeader(null, "I", total, "C", "CHK", LocalDate.of(2026, 11, 26),
        "CHK0000123", "1999999999", LocalDate.of(2026, 11, 25),
        new RemittanceHeader.Party("SANDBOX MUTUAL", null, null, "1 PAYER WAY", "HARTFORD", "CT", "06101", Map.of("2U", "SBX01")),
        new RemittanceHeader.Party("REGIONAL MEDICAL CENTER", "XX", "1234567893", null, null, null, null, Map.of("TJ", "123456789")));
    return new RemittanceAdvice(header, List.of(paid, denied, reversal), plb);
  }

  public static ClaimPayment claim(String pcn, String status, String charge, String paid, List<Adjustment> adjustments,
      List<ServicePayment> services) {
    BigDecimal patientShare = services.stream().flatMap(s -> s.adjustments().stream()).filter(a -> a.group().equals("PR"))
        .map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new ClaimPayment(pcn, status, new BigDecimal(charge), new BigDecimal(paid),
        patientShare.signum() == 0 ? null : patientShare, "CI", "PAYER-" + pcn, "11", "1", null, "DOE", "JANE", "MI",
        "MEMBER1", "1972183925", SERVICE_DATE, SERVICE_DATE, null, List.of(), Map.of(), adjustments, services, null);
  }
}
