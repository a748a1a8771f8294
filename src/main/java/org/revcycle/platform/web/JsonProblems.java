package org.revcycle.platform.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.revcycle.platform.InvalidInputException;
import org.revcycle.platform.InvalidInputException.FieldError;

/** Turns JSON parse and bean validation failures into errors that name the field and position. */
public final class JsonProblems {

  private JsonProblems() {}

  public static InvalidInputException of(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return new InvalidInputException(path(unknown), "unknown field" + at(unknown.getLocation()));
    }
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return new InvalidInputException(path(mapping), "has a value of the wrong type or format" + at(mapping.getLocation()));
    }
    return new InvalidInputException("body", "is not valid JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage());
  }

  public static InvalidInputException of(Collection<? extends ConstraintViolation<?>> violations) {
    List<FieldError> errors = violations.stream()
        .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
        .sorted(Comparator.comparing(FieldError::field))
        .toList();
    return new InvalidInputException(errors);
  }

  static String path(JsonMappingException ex) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : ex.getPath()) {
      if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      } else {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      }
    }
    return path.toString();
  }

  static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
