package org.revcycle.x12.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.revcycle.x12.InquiryParty;
import org.revcycle.x12.InquiryPerson;

/**
 * One eligibility question (270, 005010X279A1): the payer asked (2100A), the provider asking
 * (2100B), the subscriber (2100C) and, when the patient is not the subscriber, the dependent
 * (2100D); the trace number the 271 will echo (TRN02) with its originator (TRN03, "9" + the
 * provider's EIN), the service types asked about (EQ01, 30 = health benefit plan coverage) and the
 * date of service (DTP*291). {@code submitterReference} goes in BHT03.
 */
public record EligibilityInquiry(
    String submitterReference,
    InquiryParty payer,
    InquiryParty provider,
    InquiryPerson subscriber,
    InquiryPerson dependent,
    String traceNumber,
    String traceOriginator,
    List<String> serviceTypes,
    LocalDate dateOfService) {

  public EligibilityInquiry {
    Objects.requireNonNull(payer, "payer");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(subscriber, "subscriber");
    Objects.requireNonNull(traceNumber, "traceNumber");
    serviceTypes = serviceTypes == null || serviceTypes.isEmpty() ? List.of("30") : List.copyOf(serviceTypes);
  }
}
