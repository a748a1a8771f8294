package org.revcycle.x12;

import java.util.Objects;

/**
 * Who an interchange is from and to: the ISA sender/receiver (qualifier and id, padded to 15 by the
 * writer), the GS application codes, and whether it is a test (T) or production (P) interchange.
 */
public record InterchangeParties(
    String senderQualifier,
    String senderId,
    String receiverQualifier,
    String receiverId,
    String applicationSender,
    String applicationReceiver,
    char usage) {

  public InterchangeParties {
    Objects.requireNonNull(senderId, "senderId");
    Objects.requireNonNull(receiverId, "receiverId");
    if (senderId.length() > 15 || receiverId.length() > 15) {
      throw new IllegalArgumentException("ISA sender and receiver ids are at most 15 characters");
    }
    if (usage != 'T' && usage != 'P') {
      throw new IllegalArgumentException("usage indicator is T (test) or P (production), not " + usage);
    }
  }

  /** Mutually defined (ZZ) ids on both sides, the GS codes equal to the ISA ids. */
  public static InterchangeParties of(String senderId, String receiverId, char usage) {
    return new InterchangeParties("ZZ", senderId, "ZZ", receiverId, senderId, receiverId, usage);
  }
}
