package org.revcycle.x12;

/**
 * Where interchange (ISA13), group (GS06) and transaction set (ST02) control numbers come from.
 * Numbers must be unique and must survive restarts, or a clearinghouse drops a file as a duplicate;
 * the production source is a database sequence ({@link SequenceControlNumbers}).
 */
public interface ControlNumbers {

  /** 1 to 999,999,999; the writer pads it to ISA13's nine digits. */
  long nextInterchange();

  long nextGroup();

  long nextTransaction();

  /**
   * Every number from one counter, for answers that live only in memory (a sandbox payer's 271 or
   * 277): unique within the run, not across restarts.
   */
  static ControlNumbers inMemory(java.util.concurrent.atomic.AtomicLong counter) {
    return new ControlNumbers() {
      @Override
      public long nextInterchange() {
        return counter.getAndIncrement();
      }

      @Override
      public long nextGroup() {
        return counter.getAndIncrement();
      }

      @Override
      public long nextTransaction() {
        return counter.getAndIncrement();
      }
    };
  }
}
