package org.revcycle.encounter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A closed encounter as the EHR reports it: who was seen, where, under which coverage, what was
 * found (diagnoses) and what was done (charges). The body of POST /api/encounters, and what the
 * EHR adapters produce.
 *
 * @param sourceSystem the EHR that sent it; with sourceId, the key that makes intake idempotent
 * @param coverage null for self-pay
 * @param otherCoverages the payers after the primary (coordination of benefits): secondary first,
 *     then tertiary; empty or null when there are none
 */
public record ClosedEncounter(
    @NotBlank @Size(max = 64) String sourceSystem,
    @NotBlank @Size(max = 128) String sourceId,
    @NotBlank @Size(max = 32) String facilityId,
    @NotNull EncounterClass encounterClass,
    @NotNull LocalDate serviceDate,
    LocalDate dischargeDate,
    @NotNull @Valid Patient patient,
    @Valid Coverage coverage,
    @Pattern(regexp = "\\d{10}", message = "must be a 10-digit NPI") String renderingProviderNpi,
    @Size(max = 50) String priorAuthorization,
    @NotEmpty @Size(max = 12) List<@NotBlank @Pattern(regexp = "[A-TV-Z][0-9][0-9A-Z](\\.?[0-9A-Z]{1,4})?",
        message = "must be an ICD-10-CM code") String> diagnoses,
    @NotEmpty @Size(max = 50) List<@NotNull @Valid Charge> charges,
    @Size(max = 2, message = "at most two payers after the primary: a secondary and a tertiary")
    List<@NotNull @Valid Coverage> otherCoverages) {

  /** An encounter with one coverage (or none): no payer after the primary. */
  public ClosedEncounter(String sourceSystem, String sourceId, String facilityId, EncounterClass encounterClass,
      LocalDate serviceDate, LocalDate dischargeDate, Patient patient, Coverage coverage, String renderingProviderNpi,
      String priorAuthorization, List<String> diagnoses, List<Charge> charges) {
    this(sourceSystem, sourceId, facilityId, encounterClass, serviceDate, dischargeDate, patient, coverage,
        renderingProviderNpi, priorAuthorization, diagnoses, charges, List.of());
  }

  public List<Coverage> otherCoveragesOrEmpty() {
    return otherCoverages == null ? List.of() : otherCoverages;
  }

  public enum EncounterClass {
    INPATIENT,
    OUTPATIENT,
    EMERGENCY,
    AMBULATORY
  }

  public record Patient(
      @NotBlank @Size(max = 64) String mrn,
      @NotBlank @Size(max = 60) String familyName,
      @NotBlank @Size(max = 35) String givenName,
      @NotNull LocalDate birthDate,
      @NotNull @Pattern(regexp = "[FMU]", message = "must be F, M or U") String sex,
      @Size(max = 55) String addressLine,
      @Size(max = 30) String city,
      @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter state code") String state,
      @Pattern(regexp = "\\d{5}(\\d{4})?", message = "must be a 5 or 9 digit ZIP code") String postalCode) {}

  /**
   * @param relationship of the patient to the subscriber: SELF, SPOUSE, CHILD, OTHER
   * @param subscriber the policy holder when the patient is not; null when the patient is
   */
  public record Coverage(
      @NotBlank @Size(max = 32) String payerId,
      @NotBlank @Size(max = 80) String memberId,
      @Size(max = 50) String groupNumber,
      @NotNull @Pattern(regexp = "SELF|SPOUSE|CHILD|OTHER", message = "must be SELF, SPOUSE, CHILD or OTHER") String relationship,
      LocalDate startDate,
      LocalDate endDate,
      @Valid Subscriber subscriber) {

    public Coverage(String payerId, String memberId, String groupNumber, String relationship, LocalDate startDate,
        LocalDate endDate) {
      this(payerId, memberId, groupNumber, relationship, startDate, endDate, null);
    }
  }

  /** The policy holder of a coverage the patient is a dependent on (spouse, child). */
  public record Subscriber(
      @Size(max = 60) String familyName,
      @Size(max = 35) String givenName,
      LocalDate birthDate,
      @Pattern(regexp = "[FMU]", message = "must be F, M or U") String sex) {}

  /**
   * One charge line. Professional claims need a procedure code (CPT/HCPCS); institutional claims
   * need a revenue code and usually a HCPCS code too.
   */
  public record Charge(
      @Pattern(regexp = "[A-Z0-9]{5}", message = "must be a 5-character CPT/HCPCS code") String procedureCode,
      @Size(max = 4) List<@NotNull @Pattern(regexp = "[A-Z0-9]{2}", message = "must be a 2-character modifier") String> modifiers,
      @Pattern(regexp = "\\d{4}", message = "must be a 4-digit revenue code") String revenueCode,
      @NotNull @DecimalMin(value = "0.001", message = "must be positive") @Digits(integer = 6, fraction = 3) BigDecimal units,
      @NotNull @DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 12, fraction = 2) BigDecimal amount,
      LocalDate serviceDate) {

    public List<String> modifiersOrEmpty() {
      return modifiers == null ? List.of() : modifiers;
    }
  }

  public BigDecimal totalCharge() {
    return charges.stream().map(Charge::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
  }
}
