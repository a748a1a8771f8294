package org.revcycle.x12.eligibility;

/**
 * An AAA segment: the payer could not answer part of the request. Where it was (loop 2000A/2100A
 * payer, 2100B provider, 2100C/2100D member, 2110 a benefit), the reject reason (AAA03: 72 invalid
 * member id, 75 subscriber not found, 42 cannot respond now ...) and the follow-up action (AAA04),
 * each with its meaning in plain words.
 */
public record RequestRejection(
    String loop,
    boolean requestValid,
    String rejectReason,
    String rejectReasonDescription,
    String followUpAction,
    String followUpActionDescription) {}
