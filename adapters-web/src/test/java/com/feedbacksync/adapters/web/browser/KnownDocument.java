package com.feedbacksync.adapters.web.browser;

import com.feedbacksync.simulator.IntercomSimulator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A conversation the journey looks for, worked out from the simulator alone (its oracle and its
 * Intercom API, as Intercom would answer), never from the product: one a customer wrote in, with an
 * inline image and tags, its status, tag names and words that find it.
 */
record KnownDocument(String id, String state, Set<String> tagNames, String searchWords) {

  /** Words InnoDB's full-text index leaves out (its default stop words): no use searching them. */
  private static final Set<String> STOP_WORDS =
      Set.of("about", "from", "that", "this", "what", "when", "where", "will", "with", "your");

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static KnownDocument pick(IntercomSimulator sim) throws Exception {
    Map<String, String> tagNames = new TreeMap<>();
    for (JsonValue t : get(sim, "/tags").getJsonArray("data")) {
      tagNames.put(t.asJsonObject().getString("id"), t.asJsonObject().getString("name"));
    }
    for (String id : sim.oracle().qualifyingNewestFirst()) {
      JsonObject c = get(sim, "/conversations/" + id);
      List<String> bodies = new ArrayList<>();
      bodies.add(text(c.getJsonObject("source"), "body"));
      for (JsonValue p : c.getJsonObject("conversation_parts").getJsonArray("conversation_parts")) {
        bodies.add(text(p.asJsonObject(), "body"));
      }
      List<String> tagIds = sim.oracle().flatTagIds().getOrDefault(id, List.of());
      boolean image = bodies.stream().anyMatch(b -> b.contains("<img"));
      if (!image || tagIds.isEmpty()) {
        continue;
      }
      Set<String> names = new TreeSet<>();
      tagIds.forEach(t -> names.add(tagNames.get(t)));
      String words = words(text(c, "title") + " " + bodies.get(0));
      if (words.isEmpty()) {
        continue;
      }
      return new KnownDocument(id, c.getString("state"), names, words);
    }
    throw new IllegalStateException(
        "the simulated workspace has no tagged conversation with an inline image: pick another seed");
  }

  /** Up to five distinct words of four letters or more that the document certainly contains. */
  private static String words(String html) {
    String plain = html.replaceAll("<[^>]*>", " ").replaceAll("&[a-z]+;", " ");
    Set<String> words = new LinkedHashSet<>();
    for (String w : plain.split("[^\\p{L}]+")) {
      String lower = w.toLowerCase(Locale.ROOT);
      if (lower.length() >= 4 && !STOP_WORDS.contains(lower) && words.size() < 5) {
        words.add(lower);
      }
    }
    return String.join(" ", words);
  }

  private static String text(JsonObject o, String field) {
    return o == null || !o.containsKey(field) || o.isNull(field) ? "" : o.getString(field);
  }

  private static JsonObject get(IntercomSimulator sim, String path) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(sim.baseUri().resolve(path))
                .header("Authorization", "Bearer sim-token")
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
    }
    try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
      return reader.readObject();
    }
  }
}
