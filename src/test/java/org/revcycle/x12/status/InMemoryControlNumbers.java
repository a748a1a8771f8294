package org.revcycle.x12.status;

import java.util.concurrent.atomic.AtomicLong;
import org.revcycle.x12.ControlNumbers;

/** Control numbers for tests: counters that start where the test says. */
public final class InMemoryControlNumbers implements ControlNumbers {

  private final AtomicLong interchange;
  private final AtomicLong group;
  private final AtomicLong transaction;

  public InMemoryControlNumbers(long first) {
    interchange = new AtomicLong(first);
    group = new AtomicLong(first);
    transaction = new AtomicLong(first);
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
