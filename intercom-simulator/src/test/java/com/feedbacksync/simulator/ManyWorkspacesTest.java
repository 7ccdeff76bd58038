package com.feedbacksync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A simulator of several workspaces: the OAuth Allow picks one, its token opens that one only, and
 * each keeps its own data, counters and rate limit.
 */
class ManyWorkspacesTest {

  private static final String SEARCH_ALL =
      "{\"query\":{\"field\":\"id\",\"operator\":\">\",\"value\":0},"
          + "\"pagination\":{\"per_page\":150}}";

  private IntercomSimulator sim;

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void each_token_opens_the_workspace_its_allow_chose() {
    sim = IntercomSimulator.start(SimulatorConfig.defaults(11, 30).withWorkspaces(3, 12));
    SimClient first = connect(0);
    SimClient third = connect(2);

    JsonNode firstMe = first.get("/me").json();
    JsonNode thirdMe = third.get("/me").json();
    assertEquals("abc12345", firstMe.path("app").path("id_code").asString());
    assertEquals(sim.workspace(2).appId(), thirdMe.path("app").path("id_code").asString());
    assertNotEquals(
        firstMe.path("app").path("id_code").asString(),
        thirdMe.path("app").path("id_code").asString());

    // Each token lists its own workspace's conversations: generated from different seeds.
    List<String> firstIds = ids(first.post("/conversations/search", SEARCH_ALL).json());
    List<String> thirdIds = ids(third.post("/conversations/search", SEARCH_ALL).json());
    assertEquals(12, firstIds.size());
    assertEquals(12, thirdIds.size());
    assertNotEquals(
        texts(first, firstIds.get(0)), texts(third, thirdIds.get(0)), "different content");

    // Counters are per workspace: the first had /me and one search page, the third /me, one
    // page and one retrieve, and the second none at all; its token exchange counts where it led.
    assertEquals(1, sim.workspace(0).counters().calls("POST /conversations/search"));
    assertEquals(1, sim.workspace(2).counters().calls("GET /conversations/{id}"));
    assertEquals(1, sim.workspace(0).counters().calls("GET /conversations/{id}"));
    assertEquals(1, sim.workspace(2).counters().calls("POST /auth/eagle/token"));
    assertEquals(0, sim.workspace(1).counters().apiCalls());
    assertEquals(sim.counters(), sim.workspace(0).counters(), "the single-workspace view");

    // A change in one workspace is seen there alone.
    String conversation = sim.workspace(2).oracle().qualifyingNewestFirst().get(0);
    sim.workspace(2).customerReplies(conversation);
    assertTrue(!first.get("/conversations/" + conversation).body().contains("happened again"));
    assertTrue(third.get("/conversations/" + conversation).body().contains("happened again"));
  }

  @Test
  void keeps_a_rate_limit_per_workspace_and_refuses_a_revoked_token() {
    sim =
        IntercomSimulator.start(
            SimulatorConfig.defaults(11, 10).withWorkspaces(2, 10).withRatePerMinute(60));
    SimClient first = connect(0);
    SimClient second = connect(1);
    // 60 a minute is 10 a 10-second window; the token exchanges and /me used some already.
    int answered = 0;
    while (first.get("/me").status() == 200) {
      answered++;
    }
    assertTrue(answered < 10, "the first workspace's window is spent: " + answered);
    assertEquals(200, second.get("/me").status(), "the second workspace's is not");

    sim.revokeNewest();
    assertEquals(401, second.get("/me").status());
    assertEquals(0, sim.workspace(1).counters().rateLimited(), "no 429 in the second");
    assertTrue(sim.workspace(0).counters().rateLimited() > 0);
  }

  @Test
  void refuses_a_workspace_that_does_not_exist() {
    sim = IntercomSimulator.start(SimulatorConfig.defaults(11, 10).withWorkspaces(2, 10));
    SimClient anonymous = new SimClient(sim.baseUri(), null);
    assertEquals(400, anonymous.postForm("/oauth/allow", allowForm(2)).status());
    assertEquals(400, anonymous.postForm("/oauth/allow", allowForm(-1)).status());
  }

  private SimClient connect(int workspace) {
    SimClient anonymous = new SimClient(sim.baseUri(), null);
    SimClient.Reply allowed = anonymous.postForm("/oauth/allow", allowForm(workspace));
    assertEquals(302, allowed.status(), allowed.body());
    Map<String, String> query =
        Http.parseQuery(
            URI.create(allowed.raw().headers().firstValue("Location").orElseThrow()).getRawQuery());
    SimClient.Reply token =
        anonymous.postForm(
            "/auth/eagle/token",
            "code="
                + URLEncoder.encode(query.get("code"), StandardCharsets.UTF_8)
                + "&client_id=sim-client&client_secret=sim-client-secret");
    assertEquals(200, token.status(), token.body());
    return new SimClient(sim.baseUri(), token.json().path("access_token").asString());
  }

  private static String allowForm(int workspace) {
    return "client_id=sim-client&state=s&workspace="
        + workspace
        + "&redirect_uri="
        + URLEncoder.encode("http://localhost:9080/cb", StandardCharsets.UTF_8);
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new java.util.ArrayList<>();
    page.path("conversations").forEach(c -> ids.add(c.path("id").asString()));
    return ids;
  }

  private static TreeSet<String> texts(SimClient client, String id) {
    TreeSet<String> texts = new TreeSet<>();
    JsonNode c = client.get("/conversations/" + id).json();
    texts.add(c.path("source").path("body").asString());
    return texts;
  }
}
