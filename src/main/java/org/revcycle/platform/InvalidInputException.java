package org.revcycle.platform;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that revcycle refuses, naming each field (or segment, or element) and what is wrong.
 * The API answers it as a 400 problem; nothing has been changed when it is thrown.
 */
public class InvalidInputException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public InvalidInputException(List<FieldError> errors) {
    super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an invalid input names at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  /** The first field in error; the one a client shows first. */
  public String field() {
    return errors.get(0).field();
  }

  public String detail() {
    return errors.size() == 1 ? errors.get(0).message() : getMessage();
  }

  public List<FieldError> errors() {
    return errors;
  }

  public record FieldError(String field, String message) {}
}
