package com.feedbacksync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * A client walks a 10,000-conversation workspace as a sync would (search filtered to conversations
 * with a customer reply, then one retrieve each) and finds exactly the oracle's conversations.
 */
@Tag("slow")
class ConversationWalkTest {

  private static IntercomSimulator simulator;
  private static SimClient client;

  @BeforeAll
  static void start() {
    simulator =
        IntercomSimulator.start(
            SimulatorConfig.defaults(2026, 10_000)
                .withRatePerMinute(0)
                .withWorkspace(WorkspaceSpec.of(2026, 10_000).withShares(0.10, 0.30)));
    client = new SimClient(simulator.baseUri(), "sim-token");
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void search_and_retrieve_find_exactly_the_oracles_conversations() {
    simulator.resetCounters();
    // As the product lists: every conversation (its statistics may claim what its parts do not
    // show), each judged on its parts.
    String query = "{\"field\":\"created_at\",\"operator\":\">\",\"value\":0}";
    List<String> listed = walk(query, "created_at", "descending", 150);
    Set<String> kept = new TreeSet<>();
    for (String id : listed) {
      JsonNode conversation = client.get("/conversations/" + id).json();
      if (customerWrote(conversation)) {
        kept.add(id);
      }
    }
    Oracle oracle = simulator.oracle();
    assertEquals(new TreeSet<>(oracle.qualifyingNewestFirst()), kept);
    Set<String> every = new TreeSet<>(oracle.qualifyingNewestFirst());
    every.addAll(oracle.skippedWithoutReply());
    assertEquals(every, new TreeSet<>(listed), "every conversation is listed, once");
    assertEquals(listed.size(), every.size(), "no conversation listed twice");
    assertEquals(
        oracle.qualifyingNewestFirst(),
        listed.stream().filter(kept::contains).toList(),
        "the walk is newest first, as the oracle");
    long calls = simulator.counters().apiCalls();
    System.out.printf(
        "walk: %d conversations, %d kept, %d skipped without reply, %d API calls (%.4f per kept)%n",
        10_000,
        kept.size(),
        oracle.skippedWithoutReply().size(),
        calls,
        (double) calls / kept.size());
    assertTrue(oracle.skippedWithoutReply().size() > 2_500, "about 30% outbound without a reply");
  }

  @ParameterizedTest(name = "sorted by {0} {1}, pages of {2}")
  @CsvSource({
    "updated_at, ascending, 150",
    "updated_at, descending, 37",
    "created_at, ascending, 150",
    "id, descending, 1000"
  })
  void every_paging_walk_returns_each_conversation_exactly_once(
      String field, String order, int perPage) {
    int size = Math.min(perPage, 150);
    List<String> listed =
        walk("{\"field\":\"updated_at\",\"operator\":\">\",\"value\":0}", field, order, size);
    assertEquals(listed.size(), new HashSet<>(listed).size(), "no duplicates");
    assertEquals(simulator.snapshot().conversations().size(), listed.size(), "none missing");
  }

  @Test
  void window_filters_are_inclusive_at_both_ends() {
    Model.Conversation c = simulator.snapshot().conversations().get(500);
    String query =
        "{\"operator\":\"AND\",\"value\":[{\"field\":\"updated_at\",\"operator\":\">\",\"value\":"
            + c.updatedAt
            + "},{\"field\":\"updated_at\",\"operator\":\"<\",\"value\":"
            + c.updatedAt
            + "}]}";
    assertTrue(walk(query, "updated_at", "ascending", 150).contains(c.id));
  }

  @Test
  void or_groups_and_delivery_filters_select_as_intercom_describes() {
    String outbound =
        "{\"operator\":\"OR\",\"value\":[{\"field\":\"source.delivered_as\",\"operator\":\"=\",\"value\":\"admin_initiated\"},"
            + "{\"field\":\"source.delivered_as\",\"operator\":\"IN\",\"value\":[\"automated\",\"operator_initiated\"]}]}";
    List<String> listed = walk(outbound, "id", "ascending", 150);
    long expected =
        simulator.snapshot().conversations().stream()
            .filter(c -> !c.deliveredAs.equals("customer_initiated"))
            .count();
    assertEquals(expected, listed.size());
  }

  private static List<String> walk(String query, String field, String order, int perPage) {
    List<String> ids = new ArrayList<>();
    String after = null;
    do {
      String pagination =
          "{\"per_page\":"
              + perPage
              + (after == null ? "" : ",\"starting_after\":\"" + after + "\"")
              + "}";
      SimClient.Reply reply =
          client.post(
              "/conversations/search",
              "{\"query\":"
                  + query
                  + ",\"pagination\":"
                  + pagination
                  + ",\"sort\":{\"field\":\""
                  + field
                  + "\",\"order\":\""
                  + order
                  + "\"}}");
      assertEquals(200, reply.status(), reply.body());
      reply.json().path("conversations").forEach(c -> ids.add(c.path("id").asString()));
      JsonNode next = reply.json().path("pages").path("next");
      after = next.isMissingNode() || next.isNull() ? null : next.path("starting_after").asString();
    } while (after != null);
    return ids;
  }

  /**
   * A reply check written from Intercom's documents, independent of the simulator's and the
   * product's.
   */
  /**
   * The promise, read from the JSON alone: words or files a customer (user, lead, contact) put in
   * the opening of a conversation they started, or in any part but a note, a redacted one included.
   */
  private static boolean customerWrote(JsonNode conversation) {
    JsonNode source = conversation.path("source");
    boolean outbound = !source.path("delivered_as").asString().equals("customer_initiated");
    if (!outbound && isCustomer(source.path("author"))) {
      return true;
    }
    JsonNode parts = conversation.path("conversation_parts");
    for (JsonNode part : parts.path("conversation_parts")) {
      boolean note = part.path("part_type").asString().startsWith("note");
      boolean words =
          part.path("redacted").asBoolean()
              || !part.path("attachments").isEmpty()
              || !part.path("body")
                  .asString("")
                  .replaceAll("<[^>]*>", "")
                  .replace("&nbsp;", "")
                  .isBlank();
      if (!note && isCustomer(part.path("author")) && words) {
        return true;
      }
    }
    // Intercom shows the newest 500 parts: a customer's words may lie before them, where only the
    // statistics still tell.
    boolean truncated = parts.path("total_count").asInt() > parts.path("conversation_parts").size();
    return truncated && !conversation.path("first_contact_reply").isNull();
  }

  private static boolean isCustomer(JsonNode author) {
    return Set.of("user", "lead", "contact").contains(author.path("type").asString());
  }
}
