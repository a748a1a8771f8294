package org.revcycle.denial;

import java.util.Map;

/**
 * The next step for a root cause the classifier or an analyst found (a row of
 * decisions/denial-root-cause.dmn gives its own, which analysts edit).
 */
final class SuggestedActions {

  private static final Map<RootCause, String> ACTIONS = Map.of(
      RootCause.REGISTRATION_ELIGIBILITY, "Verify coverage and the member id in patient access; bill the right payer or the patient, then resubmit",
      RootCause.AUTHORIZATION, "Obtain a retro authorization if the payer allows it and resubmit; otherwise appeal with the clinical record",
      RootCause.CODING, "Review the documentation with coding; correct codes or modifiers and resubmit as a replacement claim",
      RootCause.MEDICAL_NECESSITY, "Appeal with the clinical documentation and the physician's letter of medical necessity",
      RootCause.TIMELY_FILING, "Appeal only with proof of timely filing (clearinghouse acceptance report); otherwise write off",
      RootCause.DUPLICATE, "Check the first claim's status; write off the duplicate only if the first was paid",
      RootCause.COORDINATION_OF_BENEFITS, "Update the order of coverage and bill the primary payer; resubmit with its remittance",
      RootCause.MISSING_INFORMATION, "Add what the remark codes name and resubmit as a replacement claim",
      RootCause.NON_COVERED, "Check the benefit; bill the patient if an advance notice was signed, otherwise write off");

  private SuggestedActions() {}

  static String of(RootCause cause) {
    return ACTIONS.get(cause);
  }
}
