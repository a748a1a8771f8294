package org.revcycle.x12.status;

import java.util.ArrayList;
import java.util.List;
import org.revcycle.x12.Segment;
import org.revcycle.x12.X12Codes;

/** Maps STC segments to records; shared by the 277 reader and the 277CA reader. */
public final class StatusSegments {

  private StatusSegments() {}

  /** {@code schemaName} picks the code list the category words come from (277 or 277CA). */
  public static StatusInformation statusOf(Segment stc, String schemaName) {
    List<ClaimStatusCode> codes = new ArrayList<>(3);
    for (int element : new int[] {1, 10, 11}) {
      String category = stc.optional(element, 1);
      if (category != null) {
        codes.add(new ClaimStatusCode(category, stc.optional(element, 2), stc.optional(element, 3),
            X12Codes.describe(schemaName, "E1271_CATEGORY", category)));
      }
    }
    return new StatusInformation(codes, stc.date(2), stc.decimal(4), stc.decimal(5), stc.date(6),
        stc.optional(9), stc.optional(12));
  }
}
