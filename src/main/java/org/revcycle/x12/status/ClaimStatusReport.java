package org.revcycle.x12.status;

import java.util.List;
import org.revcycle.x12.X12Problem;

/**
 * Everything read from one 277 (005010X212) file: claim by claim, the level-wide statuses, and the
 * validation problems found (empty when the file is clean). A caller that acts on the claims
 * should first check {@link #problems()}.
 */
public record ClaimStatusReport(List<ClaimStatusResponse> claims, List<LevelStatus> levelStatuses, List<X12Problem> problems) {

  public ClaimStatusReport {
    claims = List.copyOf(claims);
    levelStatuses = List.copyOf(levelStatuses);
    problems = List.copyOf(problems);
  }

  public boolean isClean() {
    return problems.isEmpty();
  }
}
