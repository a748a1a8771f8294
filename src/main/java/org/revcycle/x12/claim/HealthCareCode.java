package org.revcycle.x12.claim;

import java.math.BigDecimal;
import java.util.Set;

/**
 * One HI composite: a qualifier saying what the code is (ABK principal diagnosis, ABF other
 * diagnosis, ABJ admitting, APR reason for visit, ABN external cause, BBR/BBQ procedures, BH
 * occurrence, BI occurrence span, BE value, BG condition...), the code, and for some qualifiers a
 * date (format D8/RD8 and value) or an amount (value codes).
 */
public record HealthCareCode(String qualifier, String code, String dateFormat, String date, BigDecimal amount) {

  private static final Set<String> DIAGNOSES = Set.of(
      "ABK", "BK", "ABF", "BF", "ABJ", "BJ", "APR", "PR", "ABN", "BN");
  private static final Set<String> PRINCIPAL = Set.of("ABK", "BK");

  public static HealthCareCode of(String qualifier, String code) {
    return new HealthCareCode(qualifier, code, null, null, null);
  }

  public boolean isDiagnosis() {
    return DIAGNOSES.contains(qualifier);
  }

  public boolean isPrincipalDiagnosis() {
    return PRINCIPAL.contains(qualifier);
  }

  /**
   * Codes of one family go in one HI segment: the ICD-9 and ICD-10 forms of a qualifier are one
   * family (ABF and BF), and for 837P the principal and other diagnoses share the segment.
   */
  String family(ClaimType type) {
    String base = qualifier == null ? "" : qualifier.length() == 3 && qualifier.startsWith("A") ? qualifier.substring(1)
        : qualifier.startsWith("BB") ? qualifier.substring(1) : qualifier;
    if (type == ClaimType.PROFESSIONAL && (base.equals("BK") || base.equals("BF"))) {
      return "DX";
    }
    return base;
  }
}
