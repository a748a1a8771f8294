package org.revcycle.x12;

/**
 * The control numbers and parties that identify one transaction set in the world: the same ISA13,
 * GS06 and ST02 from the same sender is the same message, however it arrives.
 */
public record EnvelopeIds(
    String senderId,
    String receiverId,
    String interchangeControlNumber,
    String groupControlNumber,
    String transactionControlNumber,
    String guideVersion) {}
