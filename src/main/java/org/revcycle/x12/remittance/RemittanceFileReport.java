package org.revcycle.x12.remittance;

import java.util.List;
import org.revcycle.x12.X12Problem;

/**
 * The outcome of reading an 835 file: every set's totals and every problem (schema and balancing),
 * each naming its segment and position. A file with problems must post nothing.
 *
 * @param problemCount all problems found; {@code problems} keeps the first {@link RemittanceAdviceReader#PROBLEMS_KEPT}
 */
public record RemittanceFileReport(List<RemittanceTotals> transactions, List<X12Problem> problems, int problemCount,
    long segments) {

  public boolean clean() {
    return problemCount == 0;
  }

  public int claims() {
    return transactions.stream().mapToInt(RemittanceTotals::claims).sum();
  }
}
