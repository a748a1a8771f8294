package org.revcycle.x12.claim;

/** Loop 2010BB: the payer (NM1*PR) with its payer id and, when sent, its address. */
public record Payer(String name, String id, Address address) {}
