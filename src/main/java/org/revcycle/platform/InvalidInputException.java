package org.revcycle.platform;

/**
 * Input that revcycle refuses, naming the field (or segment, or element) and what is wrong.
 * The API answers it as a 400 problem; nothing has been changed when it is thrown.
 */
public class InvalidInputException extends RuntimeException {

  private final String field;

  public InvalidInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
