package org.revcycle.claim;

import java.util.List;

/**
 * The clearinghouse, as claim submission needs it: send a claim and hear whether it was accepted
 * for adjudication (999/277CA). Its status is asked through {@link ClaimStatusInquiry}. Remittances come back on their
 * own way, to remittance intake. Implementations: the sandbox; SFTP and HTTP ones follow.
 */
public interface Clearinghouse {

  Acknowledgment submit(ClaimSubmission claim);

  /** Front-end answer: accepted, or rejected with reasons that name the field in plain words. */
  record Acknowledgment(boolean accepted, String reference, List<String> rejectionReasons) {}

}
