package org.revcycle.x12.eligibility;

import java.time.LocalDate;
import java.util.Objects;
import org.revcycle.x12.InquiryParty;
import org.revcycle.x12.InquiryPerson;

/**
 * What a payer answers to one 270, for the 271 writer: the parties echoed from the inquiry, the
 * member answered (the dependent when there is one), and either the coverage (active or inactive,
 * with the plan and its begin date) or a rejection (AAA03 reason, AAA04 follow-up action).
 */
public record EligibilityAnswer(
    String submitterReference,
    InquiryParty payer,
    InquiryParty provider,
    InquiryPerson subscriber,
    InquiryPerson dependent,
    String traceNumber,
    String traceOriginator,
    Coverage coverage,
    String planName,
    LocalDate planBegin,
    String rejectReason,
    String followUpAction) {

  public enum Coverage {
    ACTIVE,
    INACTIVE,
    REJECTED
  }

  public EligibilityAnswer {
    Objects.requireNonNull(payer, "payer");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(subscriber, "subscriber");
    Objects.requireNonNull(coverage, "coverage");
    if (coverage == Coverage.REJECTED && rejectReason == null) {
      throw new IllegalArgumentException("a rejection names its AAA03 reason");
    }
  }
}
