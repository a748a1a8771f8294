package org.revcycle.eligibility;

/** One thing wrong with a registration, in words a billing specialist acts on. */
public record RegistrationProblem(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
