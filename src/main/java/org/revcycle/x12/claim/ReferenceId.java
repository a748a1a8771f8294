package org.revcycle.x12.claim;

/** A REF: qualifier (G2 provider commercial number, 1G UPIN, 0B state license...) and value. */
public record ReferenceId(String qualifier, String value) {}
