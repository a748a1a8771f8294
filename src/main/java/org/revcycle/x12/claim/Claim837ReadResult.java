package org.revcycle.x12.claim;

import java.util.List;
import org.revcycle.x12.X12Problem;

/**
 * What reading an 837 file found: how many transaction sets and claims, and every problem (schema
 * and guide), in stream order, each with its segment and position. A file with problems should be
 * kept for correction and replay, not acted on as if clean.
 */
public record Claim837ReadResult(int transactionSets, int claims, List<X12Problem> problems) {

  public Claim837ReadResult {
    problems = List.copyOf(problems);
  }

  public boolean clean() {
    return problems.isEmpty();
  }
}
