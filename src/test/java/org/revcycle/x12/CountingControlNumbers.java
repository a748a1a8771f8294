package org.revcycle.x12;

import java.util.concurrent.atomic.AtomicLong;

/** Control numbers for tests: counting up from 1, like a fresh database sequence. */
public final class CountingControlNumbers implements ControlNumbers {

  private final AtomicLong interchange = new AtomicLong();
  private final AtomicLong group = new AtomicLong();
  private final AtomicLong transaction = new AtomicLong();

  @Override
  public long nextInterchange() {
    return interchange.incrementAndGet();
  }

  @Override
  public long nextGroup() {
    return group.incrementAndGet();
  }

  @Override
  public long nextTransaction() {
    return transaction.incrementAndGet();
  }
}
