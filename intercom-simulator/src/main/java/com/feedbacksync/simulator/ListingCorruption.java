package com.feedbacksync.simulator;

import com.feedbacksync.simulator.Faults.Fault;
import com.feedbacksync.simulator.Http.Response;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Spoils the items set {@link Fault#LISTED_CORRUPT} wherever a listing shows them (conversation
 * searches and lists, contact searches), so a client meets one corrupt item among sound ones.
 */
final class ListingCorruption {

  private ListingCorruption() {}

  static Response apply(Response response, Faults faults) {
    Set<String> corrupt = faults.listedCorrupt();
    if (corrupt.isEmpty() || !response.contentType().startsWith("application/json")) {
      return response;
    }
    JsonNode body = Render.JSON.readTree(response.body());
    boolean spoiled = false;
    for (String list : new String[] {"conversations", "data"}) {
      for (JsonNode item : body.path(list)) {
        if (item instanceof ObjectNode o && corrupt.contains(o.path("id").asString(""))) {
          spoil(o);
          faults.injected(Fault.LISTED_CORRUPT);
          spoiled = true;
        }
      }
    }
    if (!spoiled) {
      return response;
    }
    Response changed = Response.json(200, Render.JSON.writeValueAsBytes(body));
    response.headers().forEach(changed.headers()::put);
    return changed;
  }

  private static void spoil(ObjectNode item) {
    if ("contact".equals(item.path("type").asString(""))) {
      ObjectNode companies = item.putObject("companies");
      companies.put("type", "list");
      companies.putArray("data").addObject().put("type", "company").put("id", "9".repeat(300));
    } else {
      item.put("created_at", "not a time");
    }
  }
}
