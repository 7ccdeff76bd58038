package com.feedbacksync.adapters.web.problem;

import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Turns every exception into an RFC 9457 problem, never a stack trace. */
final class ProblemMappers {

  private ProblemMappers() {}

  /** Errors the API raises on purpose carry their status and a message meant for the admin. */
  @Provider
  public static class WebApplicationExceptions implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      Response original = e.getResponse();
      Response problem = Problem.response(original.getStatusInfo(), e.getMessage());
      // Keep headers such as WWW-Authenticate and Allow that the status relies on.
      original
          .getHeaders()
          .forEach(
              (name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                  values.forEach(value -> problem.getHeaders().add(name, value));
                }
              });
      return problem;
    }
  }

  /** Invalid parameters or body fields: 400, naming each field and what is wrong with it. */
  @Provider
  public static class InvalidInput implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      List<Problem.FieldError> errors =
          e.getConstraintViolations().stream()
              .map(v -> new Problem.FieldError(field(v.getPropertyPath()), v.getMessage()))
              .sorted(Comparator.comparing(Problem.FieldError::field))
              .toList();
      String detail =
          errors.stream()
              .map(f -> f.field() + " " + f.message())
              .collect(Collectors.joining("; ", "Invalid input: ", "."));
      return Problem.response(Response.Status.BAD_REQUEST, detail, errors);
    }

    /**
     * The name an admin sent, the query parameter or body field, rather than the Java method path
     * such as {@code documents.arg4} or {@code changePlan.request.plan}.
     */
    private static String field(Path path) {
      String parameter = "";
      List<String> properties = new ArrayList<>();
      for (Path.Node node : path) {
        if (node.getKind() == ElementKind.PARAMETER) {
          parameter = node.getName();
        } else if (node.getKind() == ElementKind.PROPERTY) {
          properties.add(node.getName());
        }
      }
      return properties.isEmpty() ? parameter : String.join(".", properties);
    }
  }

  /** A body that is not the JSON the endpoint takes: 400 with what was expected, not a 500. */
  @Provider
  public static class UnreadableBody implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException e) {
      return Problem.response(
          Response.Status.BAD_REQUEST,
          "The body is not the JSON this endpoint takes; see /openapi for its shape.");
    }
  }

  /**
   * Anything else is our fault: log it under an id the admin can quote, say nothing internal.
   * JAX-RS picks the closest mapper, so WebApplicationExceptions never reach this one.
   */
  @Provider
  public static class Unexpected implements ExceptionMapper<RuntimeException> {
    private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

    @Override
    public Response toResponse(RuntimeException e) {
      String incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "unexpected error, incident " + incident, e);
      return Problem.response(
          Response.Status.INTERNAL_SERVER_ERROR,
          "Something went wrong on our side. Quote incident " + incident + " to support.");
    }
  }
}
