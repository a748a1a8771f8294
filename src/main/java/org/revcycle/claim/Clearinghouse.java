package org.revcycle.claim;

import java.util.List;

/**
 * The clearinghouse, as claim submission needs it: send a claim, hear whether it was accepted
 * for adjudication (999/277CA), and ask for its status (276/277). Remittances come back on their
 * own way, to remittance intake. Implementations: the sandbox; SFTP and HTTP ones follow.
 */
public interface Clearinghouse {

  Acknowledgment submit(ClaimSubmission claim);

  StatusReport status(String patientControlNumber, String payerId);

  /** Front-end answer: accepted, or rejected with reasons that name the field in plain words. */
  record Acknowledgment(boolean accepted, String reference, List<String> rejectionReasons) {}

  /**
   * A 277 claim status: category F1 finalized/paid, F2 finalized/denied, P1 pending in process,
   * A4 not found.
   */
  record StatusReport(String category, String description) {
    public boolean finalized() {
      return category != null && category.startsWith("F");
    }
  }
}
