package org.revcycle.x12.eligibility;

import java.util.List;
import org.revcycle.x12.X12Problem;

/**
 * One 271 file (005010X279A1): the members answered, rejections of the whole request (payer
 * level 2000A/2100A or provider level 2100B: the payer could not answer anyone), the guide the
 * file declared, and the validation problems found.
 */
public record EligibilityResponse(
    String guide,
    List<MemberEligibility> members,
    List<RequestRejection> requestRejections,
    List<X12Problem> problems) {

  public EligibilityResponse {
    members = List.copyOf(members);
    requestRejections = List.copyOf(requestRejections);
    problems = List.copyOf(problems);
  }

  public boolean isClean() {
    return problems.isEmpty();
  }
}
