package org.revcycle.x12.acknowledgment;

import java.util.List;
import org.revcycle.x12.X12Problem;

/** Every 999/997 set in one file, and the validation problems found (empty when clean). */
public record FunctionalAcknowledgmentReport(List<FunctionalAcknowledgment> acknowledgments, List<X12Problem> problems) {

  public FunctionalAcknowledgmentReport {
    acknowledgments = List.copyOf(acknowledgments);
    problems = List.copyOf(problems);
  }

  public boolean isClean() {
    return problems.isEmpty();
  }
}
