package org.revcycle.x12.claim;

import java.util.List;

/** One 837 transaction set to write: its header and the claims, in any order (the writer groups them). */
public record ClaimBatch(ClaimBatchHeader header, List<Claim837> claims) {

  public ClaimBatch {
    claims = claims == null ? List.of() : List.copyOf(claims);
  }
}
