package org.revcycle.x12.claim;

/** Loop 1000A: who sends the batch (NM1*41), with the contact the receiver calls (PER*IC). */
public record Submitter(PartyName name, String id, Contact contact) {}
