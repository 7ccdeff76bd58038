package com.feedbacksync.adapters.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

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
