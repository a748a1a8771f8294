package org.revcycle.x12.acknowledgment;

/**
 * What a 999/997 says about a group (AK901) or a set (IK501/AK501), folded to the four outcomes a
 * sender acts on. M, W and X are rejections for security reasons; they are rejections all the same.
 */
public enum AcknowledgmentStatus {
  ACCEPTED,
  ACCEPTED_WITH_ERRORS,
  PARTIALLY_ACCEPTED,
  REJECTED;

  static AcknowledgmentStatus of(String code) {
    return switch (code) {
      case "A" -> ACCEPTED;
      case "E" -> ACCEPTED_WITH_ERRORS;
      case "P" -> PARTIALLY_ACCEPTED;
      default -> REJECTED;
    };
  }

  public boolean isAccepted() {
    return this == ACCEPTED || this == ACCEPTED_WITH_ERRORS;
  }
}
