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
}
