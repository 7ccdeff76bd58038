package com.feedbacksync.simulator;

import com.feedbacksync.simulator.Faults.Fault;
import com.feedbacksync.simulator.Http.Request;
import com.feedbacksync.simulator.Http.Response;
import com.feedbacksync.simulator.Http.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The control routes under {@code /_sim}: the simulator's own operations over HTTP, for tests,
 * benchmarks and the demo. Never part of Intercom's API; each answers {@code {"result": ...}}.
 */
final class ControlRoutes {

  static final String PREFIX = "/_sim";

  private ControlRoutes() {}

  static List<Route> of(IntercomSimulator sim, Faults faults) {
    return List.of(
        post("/conversations/{id}/customer-reply", p -> sim.customerReplies(p.get(0))),
        post("/conversations/{id}/agent-reply", p -> sim.agentReplies(p.get(0))),
        post("/conversations/{id}/tags/{tag}", p -> sim.addTag(p.get(0), p.get(1))),
        delete("/conversations/{id}/tags/{tag}", p -> sim.removeTag(p.get(0), p.get(1))),
        post("/conversations/{id}/state/{state}", p -> sim.changeState(p.get(0), p.get(1))),
        post("/conversations/{id}/assign/{admin}", p -> sim.assign(p.get(0), p.get(1))),
        delete("/conversations/{id}", p -> sim.deleteConversation(p.get(0))),
        post("/conversations/new/{kind}", p -> sim.newConversation(p.get(0))),
        delete("/contacts/{id}", p -> sim.deleteContact(p.get(0))),
        post("/contacts/{id}/touch", p -> sim.touchContact(p.get(0))),
        post("/contacts/{id}/segments/{segment}", p -> sim.toggleSegment(p.get(0), p.get(1))),
        post("/companies/{id}/name/{name}", p -> sim.renameCompany(p.get(0), p.get(1))),
        post("/webhooks/{topic}/{id}", p -> "" + sim.sendWebhook(p.get(0), p.get(1))),
        post("/tokens/revoke", p -> sim.revokeAll()),
        post("/plan-restricted/{on}", p -> sim.planRestricted(Boolean.parseBoolean(p.get(0)))),
        post("/rate-limit/{perMinute}", p -> sim.rateLimit(Long.parseLong(p.get(0)))),
        Route.of("POST", PREFIX + "/faults", r -> faults(faults, r)),
        delete("/faults", p -> sim.clearFaults()),
        Route.of("GET", PREFIX + "/counters", r -> Replies.ok(sim.counters().toJson())),
        post("/reset", p -> sim.resetCounters()),
        Route.of("GET", PREFIX + "/oracle", r -> Replies.ok(sim.oracle().toJson())));
  }

  /** One operation on the path's parameters; its result is the answer's {@code result}. */
  private interface Operation {
    String run(List<String> pathParams);
  }

  private static Route post(String path, Operation operation) {
    return route("POST", path, operation);
  }

  private static Route delete(String path, Operation operation) {
    return route("DELETE", path, operation);
  }

  private static Route route(String method, String path, Operation operation) {
    return Route.of(method, PREFIX + path, r -> result(() -> operation.run(r.pathParams())));
  }

  private static Response result(Supplier<String> operation) {
    ObjectNode o = Render.object();
    o.put("result", operation.get());
    return Replies.ok(o);
  }

  /**
   * Faults from a JSON body: by probability if it gives one, else a script consumed in order; a
   * SLOW fault waits {@code slow_millis} (2 seconds unless given).
   */
  private static Response faults(Faults faults, Request r) {
    JsonNode body = Replies.json(r);
    String endpoint = body.path("endpoint").asString("*");
    List<Fault> kinds = new ArrayList<>();
    body.path("faults").forEach(f -> kinds.add(Fault.valueOf(f.asString())));
    long slow = body.path("slow_millis").asLong(2000);
    if (body.has("probability")) {
      faults.probability(endpoint, body.get("probability").asDouble(), kinds, slow);
    } else {
      faults.script(endpoint, kinds, slow);
    }
    return result(() -> endpoint);
  }
}
