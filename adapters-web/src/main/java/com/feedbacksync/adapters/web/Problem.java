package com.feedbacksync.adapters.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail: what every error of the admin API looks like on the wire. */
public record Problem(String type, String title, int status, String detail) {

  public static final String MEDIA_TYPE = "application/problem+json";

  static Response response(Response.StatusType status, String detail) {
    Problem problem =
        new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail);
    return Response.status(status.getStatusCode())
        .type(MediaType.valueOf(MEDIA_TYPE))
        .entity(problem)
        .build();
  }
}
