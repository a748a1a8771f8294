package org.revcycle.x12.acknowledgment;

import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import org.revcycle.x12.X12Hierarchy;
import org.revcycle.x12.status.ClaimStatusParser;

/**
 * Reads a 277CA Health Care Claim Acknowledgment (005010X214) into a {@link ClaimAcknowledgmentReport}.
 * The 277CA shares the 277's loops; its claim level is the patient (HL03 PT) and the patient
 * control number is the claim level's TRN02.
 */
public final class ClaimAcknowledgmentReader {

  static final String GUIDE = "005010X214";

  /** Information source 20, receiver 21, billing provider 19, patient PT. */
  private static final Map<String, Set<String>> LEVELS =
      Map.of("20", Set.of(""), "21", Set.of("20"), "19", Set.of("21"), "PT", Set.of("19"));

  private ClaimAcknowledgmentReader() {}

  public static ClaimAcknowledgmentReport read(InputStream in) {
    ClaimStatusParser.Result result =
        new ClaimStatusParser("277CA", GUIDE, Set.of("PT"), new X12Hierarchy(LEVELS)).parse(in);
    return new ClaimAcknowledgmentReport(
        result.claims().stream()
            .map(c -> new ClaimAcknowledgment(c.traceNumber(), c.payerClaimNumber(), c.clearinghouseTraceNumber(),
                c.billType(), c.statuses(), c.serviceDates()))
            .toList(),
        result.levels(), result.problems());
  }
}
