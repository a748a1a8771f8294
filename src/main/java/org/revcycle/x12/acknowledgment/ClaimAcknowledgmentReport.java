package org.revcycle.x12.acknowledgment;

import java.util.List;
import org.revcycle.x12.X12Problem;
import org.revcycle.x12.status.LevelStatus;

/**
 * One 277CA (005010X214) file: claim by claim, the batch statuses of the receiver and provider
 * levels (with accepted and rejected counts and amounts), and the validation problems found.
 */
public record ClaimAcknowledgmentReport(List<ClaimAcknowledgment> claims, List<LevelStatus> levelStatuses, List<X12Problem> problems) {

  public ClaimAcknowledgmentReport {
    claims = List.copyOf(claims);
    levelStatuses = List.copyOf(levelStatuses);
    problems = List.copyOf(problems);
  }

  public boolean isClean() {
    return problems.isEmpty();
  }
}
