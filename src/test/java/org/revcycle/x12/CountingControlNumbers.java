package org.revcycle.x12;

import java.util.concurrent.atomic.AtomicLong;

/** Control numbers for tests: counting up from a first number (1 by default), like a fresh database sequence. */
public final class CountingControlNumbers implements ControlNumbers {

  private final AtomicLong interchange;
  private final AtomicLong group;
  private final AtomicLong transaction;

  public CountingControlNumbers() {
    this(1);
  }

  public CountingControlNumbers(long first) {
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
