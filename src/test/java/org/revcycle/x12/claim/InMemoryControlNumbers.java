package org.revcycle.x12.claim;

import java.util.concurrent.atomic.AtomicLong;
import org.revcycle.x12.ControlNumbers;

/** Test fixture: control numbers counting up from a start, in memory. */
final class InMemoryControlNumbers implements ControlNumbers {

  private final AtomicLong interchange;
  private final AtomicLong group;
  private final AtomicLong transaction;

  InMemoryControlNumbers(long start) {
    interchange = new AtomicLong(start);
    group = new AtomicLong(start);
    transaction = new AtomicLong(start);
  }

  @Override
  public long nextInterchange() {
    return interchange.getAndIncrement();
  }

  @Override
  public long nextGroup() {
    return group.getAndIncrement();
  }

  @Override
  public long nextTransaction() {
    return transaction.getAndIncrement();
  }
}
