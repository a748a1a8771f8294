package org.revcycle.masterdata;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The master data records the API reads and writes. */
public final class MasterDataRecords {

  private MasterDataRecords() {}

  /**
   * A payer: its id (what encounters and claims name), the X12 payer id the clearinghouse routes
   * by, which claim types it takes, its timely filing limit, how claims reach it, and whether it
   * answers real-time eligibility (270/271).
   *
   * @param memberIdPattern a Java regular expression of the payer's member ids, checked at registration
   */
  public record Payer(
      @NotBlank @Size(max = 128) String name,
      @NotNull @Pattern(regexp = "MEDICARE|MEDICAID|COMMERCIAL", message = "must be MEDICARE, MEDICAID or COMMERCIAL") String payerClass,
      @NotNull @Min(1) @Max(3650) Integer timelyFilingDays,
      @Size(max = 255) String memberIdPattern,
      @NotNull @Pattern(regexp = "PROFESSIONAL|INSTITUTIONAL|BOTH", message = "must be PROFESSIONAL, INSTITUTIONAL or BOTH") String claimTypes,
      @Size(max = 80) String ediPayerId,
      @NotNull @Pattern(regexp = "CLEARINGHOUSE|DIRECT|PAPER", message = "must be CLEARINGHOUSE, DIRECT or PAPER") String connectivity,
      @NotNull Boolean realTimeEligibility,
      @NotNull Boolean active) {}

  /** A facility that bills: its NPI and tax id go on every claim, its place of service on professional lines. */
  public record Facility(
      @NotBlank @Size(max = 128) String name,
      @NotNull @Pattern(regexp = "HOSPITAL|CLINIC", message = "must be HOSPITAL or CLINIC") String facilityType,
      @NotNull @Pattern(regexp = "\\d{10}", message = "must be a 10-digit NPI") String npi,
      @NotNull @Pattern(regexp = "\\d{9}", message = "must be a 9-digit tax id (EIN, no dash)") String taxId,
      @NotNull @Pattern(regexp = "\\d{2}", message = "must be a 2-digit CMS place of service code") String placeOfService,
      @Size(max = 30) String city,
      @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter state code") String state,
      @NotNull Boolean active) {}

  /** A rendering provider, by NPI. */
  public record Provider(
      @NotBlank @Size(max = 128) String name,
      @Pattern(regexp = "[0-9]{3}[0-9A-Z]{6}X", message = "must be a 10-character NUCC taxonomy code") String taxonomyCode,
      @Size(max = 32) String facilityId,
      @NotNull Boolean active) {}

  /** One change of master data: who, when, what it was and what it became. */
  public record Change(String entity, String entityId, String action, String changedBy, Instant changedAt,
      String beforeJson, String afterJson) {}

  /** The NPI check digit (Luhn over "80840" and the first nine digits). */
  static boolean isValidNpi(String npi) {
    if (npi == null || !npi.matches("\\d{10}")) {
      return false;
    }
    int sum = 24; // the 80840 prefix's share of the Luhn sum
    for (int i = 0; i < 9; i++) {
      int digit = npi.charAt(i) - '0';
      if (i % 2 == 0) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return (10 - sum % 10) % 10 == npi.charAt(9) - '0';
  }
}
