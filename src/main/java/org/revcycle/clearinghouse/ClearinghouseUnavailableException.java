package org.revcycle.clearinghouse;

/**
 * The clearinghouse did not answer (timeout, connection refused, HTTP 5xx), or its circuit is open
 * after repeated failures: worth another try later, so the engine retries the step and raises an
 * incident when its retries run out.
 */
public class ClearinghouseUnavailableException extends RuntimeException {

  private final boolean circuitOpen;

  public ClearinghouseUnavailableException(String message, Throwable cause, boolean circuitOpen) {
    super(message, cause);
    this.circuitOpen = circuitOpen;
  }

  /** True when no call was made: the circuit breaker answered for the clearinghouse. */
  public boolean circuitOpen() {
    return circuitOpen;
  }
}
