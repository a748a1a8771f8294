package org.revcycle.x12.status;

/**
 * One status composite of an STC segment (C043): category (A1 received, A7 invalid information,
 * F1 finalized/payment, P1 pending ...), status code (code source 508), and the entity the status
 * is about (85 billing provider, QC patient, ...), with the category in plain words.
 */
public record ClaimStatusCode(String category, String status, String entity, String categoryDescription) {

  /** A3, A6, A7, A8: the claim was returned and will not be adjudicated as sent. A4: not found. */
  public boolean isRejection() {
    return switch (category) {
      case "A3", "A4", "A6", "A7", "A8" -> true;
      default -> false;
    };
  }
}
