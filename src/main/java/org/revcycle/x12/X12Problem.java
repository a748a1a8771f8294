package org.revcycle.x12;

/**
 * One thing wrong with an X12 stream: what (a StAEDI validation error name or our own code such as
 * {@code NOT_BALANCED}), where, and a plain message.
 */
public record X12Problem(String code, X12Location location, String message) {

  @Override
  public String toString() {
    return location.describe() + ": " + message + " [" + code + "]";
  }
}
