package org.revcycle.remittance;

import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Called inside a chunk's transaction after each claim of an 835 is taken: a seam for tests that
 * stop the posting mid-file (as a crash would) and for counting progress. Does nothing by itself.
 */
@Component
public class RemittancePostingProbe {

  public void claimTaken(UUID fileId, int clpSequence) {
    // nothing: a test spies on it
  }
}
