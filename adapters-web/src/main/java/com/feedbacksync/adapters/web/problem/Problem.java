package com.feedbacksync.adapters.web.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail: what every error of the admin API looks like on the wire.
 *
 * @param errors for invalid input only (an extension member): which field is wrong and why
 */
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid input: the parameter or body field, and what is wrong with it. */
  public record FieldError(String field, String message) {}

  static Response response(Response.StatusType status, String detail) {
    return response(status, detail, null);
  }

  static Response response(Response.StatusType status, String detail, List<FieldError> errors) {
    Problem problem =
        new Problem(
            "about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, errors);
    return Response.status(status.getStatusCode())
        .type(MediaType.valueOf(MEDIA_TYPE))
        .entity(problem)
        .build();
  }
}
