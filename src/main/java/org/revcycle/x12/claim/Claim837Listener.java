package org.revcycle.x12.claim;

/** Receives each claim as soon as its last segment is read, with the header of its transaction set. */
@FunctionalInterface
public interface Claim837Listener {

  void claim(ClaimBatchHeader header, Claim837 claim);
}
