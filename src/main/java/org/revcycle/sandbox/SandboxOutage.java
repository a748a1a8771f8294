package org.revcycle.sandbox;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the sandbox clearinghouse's real-time endpoint is down (answers 503). Starts from
 * revcycle.sandbox.realtime.outage; tests and demos switch it at run time.
 */
public class SandboxOutage {

  private final AtomicBoolean down;

  public SandboxOutage(boolean down) {
    this.down = new AtomicBoolean(down);
  }

  public boolean isDown() {
    return down.get();
  }

  public void start() {
    down.set(true);
  }

  public void end() {
    down.set(false);
  }
}
