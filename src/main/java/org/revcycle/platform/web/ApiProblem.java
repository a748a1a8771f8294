package org.revcycle.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A business-level refusal on /api that becomes a problem-details answer. */
public class ApiProblem extends ErrorResponseException {

  public ApiProblem(HttpStatus status, String title, String detail) {
    super(status, problem(status, title, detail), null);
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  public static ApiProblem notFound(String what, Object id) {
    return new ApiProblem(HttpStatus.NOT_FOUND, what + " not found", what + " '" + id + "' does not exist.");
  }
}
