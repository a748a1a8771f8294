package org.revcycle.x12;

import java.util.List;

/**
 * An X12 stream that cannot be read or written as it is. Carries every problem found, each with its
 * segment and position; the message lists the first few so a log line or a task is enough to act on.
 */
public class X12Exception extends RuntimeException {

  private static final int PROBLEMS_IN_MESSAGE = 5;

  private final transient List<X12Problem> problems;

  public X12Exception(List<X12Problem> problems) {
    this(problems, null);
  }

  public X12Exception(List<X12Problem> problems, Throwable cause) {
    super(summary(problems), cause);
    this.problems = List.copyOf(problems);
  }

  public List<X12Problem> problems() {
    return problems;
  }

  private static String summary(List<X12Problem> problems) {
    if (problems.isEmpty()) {
      return "invalid X12";
    }
    StringBuilder text = new StringBuilder();
    problems.stream().limit(PROBLEMS_IN_MESSAGE).forEach(p -> text.append(text.isEmpty() ? "" : "; ").append(p));
    if (problems.size() > PROBLEMS_IN_MESSAGE) {
      text.append("; and ").append(problems.size() - PROBLEMS_IN_MESSAGE).append(" more");
    }
    return text.toString();
  }
}
