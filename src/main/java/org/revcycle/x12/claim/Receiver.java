package org.revcycle.x12.claim;

/** Loop 1000B: who receives the batch (NM1*40), a clearinghouse or a payer. */
public record Receiver(String name, String id) {}
