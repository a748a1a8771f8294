package org.revcycle.claim;

/**
 * The payer's claim status service (X12 276 in, 277 out), reached in real time through the
 * clearinghouse. Asked when a remittance is late.
 */
public interface ClaimStatusInquiry {

  /** The payer's current status of the claim. Throws when the payer cannot be reached. */
  StatusReport status(ClaimSubmission claim);

  /**
   * A 277 claim status: category F1 finalized/paid, F2 finalized/denied, P1 pending in process,
   * A4 not found.
   */
  record StatusReport(String category, String description) {
    public boolean finalized() {
      return category != null && category.startsWith("F");
    }

    /** F2: finalized as denied. The 835 may follow, or may never come; the denial is worked either way. */
    public boolean denied() {
      return "F2".equals(category);
    }
  }
}
