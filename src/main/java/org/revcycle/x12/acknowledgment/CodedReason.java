package org.revcycle.x12.acknowledgment;

/** An acknowledgment code and its meaning in plain words, as the guide's code list has it. */
public record CodedReason(String code, String description) {}
