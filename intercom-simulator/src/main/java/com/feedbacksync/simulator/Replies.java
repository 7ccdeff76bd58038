package com.feedbacksync.simulator;

import com.feedbacksync.simulator.Http.Request;
import com.feedbacksync.simulator.Http.Response;
import com.feedbacksync.simulator.Http.Route;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Intercom-shaped answers: JSON 200s, Intercom's error list, and a route's handler run so that the
 * workspace's refusals come back as the errors Intercom gives for them.
 */
final class Replies {

  private Replies() {}

  static Response ok(JsonNode body) {
    return Response.json(200, Render.bytes(body));
  }

  /** Intercom's {@code error.list} with one error. */
  static Response error(int status, String code, String message) {
    return Response.json(status, Render.bytes(Render.error(code, message)));
  }

  static Response notFound() {
    return error(404, "not_found", "Resource Not Found");
  }

  /** The request's JSON body; an empty body reads as {@code {}}, as Intercom treats it. */
  static JsonNode json(Request r) {
    return Render.JSON.readTree(
        r.body().length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : r.body());
  }

  /**
   * Runs the route's handler. Handlers throw rather than build errors, so each refusal maps to
   * Intercom's answer in this one place.
   */
  static Response answer(Route route, Request request) throws IOException {
    try {
      return route.handler().handle(request);
    } catch (Search.BadRequest e) {
      return error(400, e.code, e.getMessage());
    } catch (NoSuchElementException e) {
      return notFound();
    } catch (IllegalArgumentException e) {
      return error(400, "parameter_invalid", e.getMessage());
    } catch (JacksonException e) {
      return error(400, "parameter_invalid", "The body is not valid JSON");
    }
  }
}
