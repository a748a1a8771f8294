package org.revcycle.x12.status;

import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import org.revcycle.x12.X12Hierarchy;

/**
 * Reads a 277 Health Care Claim Status Response (005010X212) into {@link ClaimStatusReport}.
 * Unreadable input throws {@link org.revcycle.x12.X12Exception}; schema and hierarchy problems
 * come back in the report with their segment and position.
 */
public final class ClaimStatusReader {

  static final String GUIDE = "005010X212";

  /** Information source 20, receiver 21, service provider 19, subscriber 22, dependent 23. */
  private static final Map<String, Set<String>> LEVELS = Map.of(
      "20", Set.of(""), "21", Set.of("20"), "19", Set.of("21"), "22", Set.of("19"), "23", Set.of("22"));

  private ClaimStatusReader() {}

  public static ClaimStatusReport read(InputStream in) {
    ClaimStatusParser.Result result =
        new ClaimStatusParser("277", GUIDE, Set.of("22", "23"), new X12Hierarchy(LEVELS)).parse(in);
    return new ClaimStatusReport(result.claims(), result.levels(), result.problems());
  }
}
