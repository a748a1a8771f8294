package org.revcycle.sandbox;

import org.revcycle.claim.ClaimStatusInquiry;
import org.revcycle.claim.ClaimSubmission;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The sandbox payers' claim status, asked in-process (the HTTP 276/277 path replaces it). */
@Component
@ConditionalOnProperty(name = "revcycle.sandbox.enabled", havingValue = "true", matchIfMissing = true)
public class SandboxClaimStatusInquiry implements ClaimStatusInquiry {

  private final SandboxClaimStatuses statuses;

  public SandboxClaimStatusInquiry(SandboxClaimStatuses statuses) {
    this.statuses = statuses;
  }

  @Override
  public StatusReport status(ClaimSubmission claim) {
    return statuses.status(claim.patientControlNumber());
  }
}
