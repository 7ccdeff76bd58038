package com.feedbacksync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The shapes a sync keeps for researchers are generated: conversations with a rating, a team, the
 * page they started on, an SLA, a channel, the AI agent; contacts with tags, UTM fields and social
 * profiles; companies with tags; and conversations longer than the API returns, which the oracle
 * names with both counts (read back here from the API, not from the oracle's own code).
 */
class SimulatorShapesTest {

  private IntercomSimulator sim;
  private SimClient client;

  @BeforeEach
  void start() {
    sim =
        IntercomSimulator.start(
            SimulatorConfig.defaults(5, 120)
                .withRatePerMinute(0)
                .withWorkspace(WorkspaceSpec.of(5, 120).withLongThreadShare(0.04)));
    client = new SimClient(sim.baseUri(), "sim-token");
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private List<JsonNode> listConversations() {
    List<JsonNode> all = new ArrayList<>();
    String after = null;
    do {
      JsonNode page =
          client
              .get(
                  "/conversations?per_page=150" + (after == null ? "" : "&starting_after=" + after))
              .json();
      page.path("conversations").forEach(all::add);
      after = page.path("pages").path("next").path("starting_after").asString(null);
    } while (after != null);
    return all;
  }

  @Test
  void the_oracle_names_every_conversation_the_api_cuts_short_with_both_counts() {
    Oracle oracle = sim.oracle();
    assertFalse(oracle.truncatedByIntercom().isEmpty(), "the workspace has long threads");
    Set<String> cut = new HashSet<>();
    for (String id : oracle.qualifyingNewestFirst()) {
      JsonNode c = client.get("/conversations/" + id).json();
      JsonNode parts = c.path("conversation_parts");
      int returned = parts.path("conversation_parts").size();
      int total = parts.path("total_count").asInt();
      assertEquals(total, c.path("statistics").path("count_conversation_parts").asInt(), id);
      if (total > returned) {
        cut.add(id);
        assertEquals(500, returned, id);
        Oracle.PartCounts expected = oracle.truncatedByIntercom().get(id);
        assertEquals(new Oracle.PartCounts(total, returned), expected, id);
      }
    }
    assertEquals(oracle.truncatedByIntercom().keySet(), cut);
    assertTrue(
        sim.oracle().toJson().path("truncated_by_intercom").size() == cut.size(),
        "the oracle's JSON lists them too");
  }

  @Test
  void conversations_carry_rating_team_page_sla_channel_and_ai_agent() {
    List<JsonNode> all = listConversations();
    assertEquals(120, all.size());
    assertSome(all, c -> c.path("conversation_rating").path("rating").asInt() >= 1, "rating");
    assertSome(all, c -> c.path("team_assignee_id").asLong() != 0, "team");
    assertSome(all, c -> c.path("source").path("url").asString("").startsWith("https://"), "page");
    assertSome(all, c -> c.path("sla_applied").has("sla_name"), "SLA");
    assertSome(all, c -> c.path("ai_agent").has("resolution_state"), "AI agent");
    assertTrue(all.stream().allMatch(c -> c.path("channel").has("initial")), "channel");
  }

  @Test
  void contacts_carry_tags_utm_and_social_profiles_and_companies_tags() {
    List<JsonNode> contacts = new ArrayList<>();
    client.get("/contacts?per_page=150").json().path("data").forEach(contacts::add);
    assertSome(contacts, c -> c.path("tags").path("data").size() > 0, "tags");
    assertSome(contacts, c -> c.path("utm_source").isString(), "UTM");
    assertSome(contacts, c -> c.path("social_profiles").path("data").size() > 0, "social");
    List<JsonNode> companies = new ArrayList<>();
    for (JsonNode c : contacts) {
      for (JsonNode ref : c.path("companies").path("data")) {
        companies.add(client.get("/companies/" + ref.path("id").asString()).json());
      }
    }
    assertSome(companies, c -> c.path("tags").path("tags").size() > 0, "company tags");
  }

  private static void assertSome(List<JsonNode> items, Predicate<JsonNode> shape, String what) {
    long n = items.stream().filter(shape).count();
    assertTrue(n > 0 && n < items.size() + 1, what + ": " + n + " of " + items.size());
  }
}
