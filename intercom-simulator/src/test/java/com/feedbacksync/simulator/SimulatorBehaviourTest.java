package com.feedbacksync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.simulator.Faults.Fault;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Rate limits, faults, OAuth, changes, webhooks, files and determinism, each as Intercom behaves.
 */
class SimulatorBehaviourTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:03Z"));
  private IntercomSimulator sim;
  private SimClient client;

  private void start(SimulatorConfig config) {
    sim = IntercomSimulator.start(config.withClock(clock));
    client = new SimClient(sim.baseUri(), "sim-token");
  }

  private void start(int conversations) {
    start(SimulatorConfig.defaults(11, conversations).withRatePerMinute(0));
  }

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void serves_no_more_than_the_budget_of_a_10_second_window_and_says_when_it_resets() {
    start(SimulatorConfig.defaults(11, 20).withRatePerMinute(60)); // 10 calls a window
    int ok = 0;
    SimClient.Reply refused = null;
    for (int i = 0; i < 25; i++) {
      SimClient.Reply reply = client.get("/me");
      if (reply.status() == 200) {
        ok++;
      } else {
        refused = reply;
      }
    }
    assertEquals(10, ok);
    assertEquals(429, refused.status());
    assertEquals(
        "rate_limit_exceeded", refused.json().path("errors").get(0).path("code").asString());
    assertEquals("10", refused.raw().headers().firstValue("X-RateLimit-Limit").orElseThrow());
    assertEquals("0", refused.raw().headers().firstValue("X-RateLimit-Remaining").orElseThrow());
    assertEquals(
        String.valueOf(Instant.parse("2026-11-27T10:00:10Z").getEpochSecond()),
        refused.raw().headers().firstValue("X-RateLimit-Reset").orElseThrow());
    clock.advance(Duration.ofSeconds(7));
    assertEquals(200, client.get("/me").status(), "a new window, a new budget");
    Counters counters = sim.counters();
    assertEquals(10, counters.busiestWindow());
    assertEquals(10, counters.windowBudget());
    assertEquals(15, counters.rateLimited());
  }

  @Test
  void fails_on_demand_in_the_scripted_order() {
    start(20);
    String id = sim.snapshot().conversations().get(0).id;
    sim.faultScript(
        "GET /conversations/{id}",
        List.of(
            Fault.HTTP_500,
            Fault.HTTP_503,
            Fault.RESET,
            Fault.TRUNCATED,
            Fault.INVALID_JSON,
            Fault.NONE));
    assertEquals(500, client.get("/conversations/" + id).status());
    assertEquals(503, client.get("/conversations/" + id).status());
    // Raw sockets, because an HTTP client may quietly retry a GET whose connection dropped.
    assertEquals("", rawGet("/conversations/" + id), "reset: the connection closes with no answer");
    String truncated = rawGet("/conversations/" + id);
    int length =
        Integer.parseInt(truncated.replaceAll("(?s).*[Cc]ontent-[Ll]ength: (\\d+).*", "$1"));
    String body = truncated.substring(truncated.indexOf("\r\n\r\n") + 4);
    assertTrue(body.length() < length, "truncated: " + body.length() + " of " + length + " bytes");
    String invalid = rawGet("/conversations/" + id);
    assertTrue(invalid.startsWith("HTTP/1.1 200"), invalid);
    assertThrows(
        RuntimeException.class,
        () -> Render.JSON.readTree(invalid.substring(invalid.indexOf("\r\n\r\n") + 4)),
        "a 200 whose body is not JSON");
    assertEquals(200, client.get("/conversations/" + id).status());
    assertEquals(200, client.get("/conversations/" + id).status(), "the script is used up");
    assertEquals(
        Map.of("HTTP_500", 1L, "HTTP_503", 1L, "RESET", 1L, "TRUNCATED", 1L, "INVALID_JSON", 1L),
        sim.counters().faultsInjected());
  }

  private String rawGet(String path) {
    try (java.net.Socket socket =
        new java.net.Socket(InetAddress.getLoopbackAddress(), sim.port())) {
      socket.setSoTimeout(5000);
      socket
          .getOutputStream()
          .write(
              ("GET "
                      + path
                      + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                      + "Authorization: Bearer sim-token\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "";
    }
  }

  @Test
  void fails_by_probability_and_can_be_cleared() {
    start(20);
    sim.faultProbability("*", 1.0, List.of(Fault.HTTP_502), 0);
    assertEquals(502, client.get("/me").status());
    sim.clearFaults();
    assertEquals(200, client.get("/me").status());
  }

  @Test
  void connects_through_oauth_with_a_single_use_code() {
    start(20);
    SimClient anonymous = new SimClient(sim.baseUri(), null);
    SimClient.Reply page =
        anonymous.send(
            HttpRequest.newBuilder(
                    sim.baseUri()
                        .resolve(
                            "/oauth?client_id=sim-client&state=s123&redirect_uri="
                                + URLEncoder.encode(
                                    "http://localhost:9080/cb", StandardCharsets.UTF_8)))
                .GET()
                .build());
    assertEquals(200, page.status());
    assertTrue(page.body().contains("Acme SaaS") && page.body().contains("Allow"));

    SimClient.Reply allowed =
        anonymous.postForm(
            "/oauth/allow",
            "client_id=sim-client&state=s123&redirect_uri="
                + URLEncoder.encode("http://localhost:9080/cb", StandardCharsets.UTF_8));
    assertEquals(302, allowed.status());
    URI location = URI.create(allowed.raw().headers().firstValue("Location").orElseThrow());
    Map<String, String> query = Http.parseQuery(location.getRawQuery());
    assertEquals("s123", query.get("state"));
    String code = query.get("code");

    String form =
        "code="
            + URLEncoder.encode(code, StandardCharsets.UTF_8)
            + "&client_id=sim-client&client_secret=sim-client-secret";
    SimClient.Reply token = anonymous.postForm("/auth/eagle/token", form);
    assertEquals(200, token.status(), token.body());
    String access = token.json().path("access_token").asString();
    assertEquals(access, token.json().path("token").asString());
    assertEquals("Bearer", token.json().path("token_type").asString());
    assertEquals(401, anonymous.postForm("/auth/eagle/token", form).status(), "a code works once");
    assertEquals(
        401,
        anonymous
            .postForm("/auth/eagle/token", "code=x&client_id=sim-client&client_secret=wrong")
            .status());

    SimClient connected = new SimClient(sim.baseUri(), access);
    JsonNode me = connected.get("/me").json();
    assertEquals("abc12345", me.path("app").path("id_code").asString());
    assertEquals("US", me.path("app").path("region").asString());

    // A second account connects: revoking the newest token locks out that one only.
    SimClient.Reply again =
        anonymous.postForm(
            "/oauth/allow",
            "client_id=sim-client&state=s456&redirect_uri="
                + URLEncoder.encode("http://localhost:9080/cb", StandardCharsets.UTF_8));
    String secondCode =
        Http.parseQuery(
                URI.create(again.raw().headers().firstValue("Location").orElseThrow())
                    .getRawQuery())
            .get("code");
    SimClient second =
        new SimClient(
            sim.baseUri(),
            anonymous
                .postForm(
                    "/auth/eagle/token",
                    "code="
                        + URLEncoder.encode(secondCode, StandardCharsets.UTF_8)
                        + "&client_id=sim-client&client_secret=sim-client-secret")
                .json()
                .path("access_token")
                .asString());
    assertEquals(200, second.get("/me").status());
    assertEquals(1, sim.newestTokenCalls(), "the second account's own calls");
    // Its retrieves per conversation: answered ones only, a fault's is not a fetch.
    String id = sim.oracle().qualifyingNewestFirst().get(0);
    sim.faultScript("GET /conversations/{id}", List.of(Fault.HTTP_500));
    assertEquals(500, second.get("/conversations/" + id).status());
    assertEquals(200, second.get("/conversations/" + id).status());
    assertEquals(200, second.get("/conversations/" + id).status());
    connected.get("/conversations/" + id);
    assertEquals(Map.of(id, 2L), sim.newestTokenRetrieves(), "the newest token's answered fetches");
    sim.revokeNewest();
    assertEquals(401, second.get("/me").status());
    assertEquals(200, connected.get("/me").status(), "the other account keeps its access");

    sim.revokeAll();
    assertEquals(401, connected.get("/me").status());
    assertEquals(
        "unauthorized", connected.get("/me").json().path("errors").get(0).path("code").asString());
  }

  @Test
  void refuses_api_access_on_a_plan_without_it_but_still_says_who_the_workspace_is() {
    start(SimulatorConfig.defaults(11, 20).withRatePerMinute(0).withPlanRestricted(true));
    SimClient.Reply search =
        client.post(
            "/conversations/search",
            "{\"query\":{\"field\":\"id\",\"operator\":\">\",\"value\":0}}");
    assertEquals(403, search.status());
    assertEquals(
        "api_plan_restricted", search.json().path("errors").get(0).path("code").asString());
    assertEquals(200, client.get("/me").status());
  }

  @Test
  void a_change_moves_updated_at_and_the_reply_statistics_as_intercom_does() {
    start(50);
    Model.Conversation c =
        sim.snapshot().conversations().stream()
            .filter(x -> x.kind == Model.Kind.CUSTOMER_INITIATED)
            .findFirst()
            .orElseThrow();
    JsonNode before = client.get("/conversations/" + c.id).json();
    clock.advance(Duration.ofHours(1));

    sim.customerReplies(c.id);
    JsonNode afterCustomer = client.get("/conversations/" + c.id).json();
    assertTrue(afterCustomer.path("updated_at").asLong() > before.path("updated_at").asLong());
    assertEquals(
        afterCustomer.path("updated_at").asLong(),
        afterCustomer.path("statistics").path("last_contact_reply_at").asLong());
    assertEquals(
        before.path("conversation_parts").path("total_count").asInt() + 1,
        afterCustomer.path("conversation_parts").path("total_count").asInt());

    sim.agentReplies(c.id);
    JsonNode afterAgent = client.get("/conversations/" + c.id).json();
    assertEquals(
        afterAgent.path("updated_at").asLong(),
        afterAgent.path("statistics").path("last_admin_reply_at").asLong());

    sim.addTag(c.id, "9005");
    assertTrue(
        client
            .get("/conversations/" + c.id)
            .json()
            .path("tags")
            .path("tags")
            .toString()
            .contains("\"9005\""));
    sim.removeTag(c.id, "9005");
    assertFalse(
        client
            .get("/conversations/" + c.id)
            .json()
            .path("tags")
            .path("tags")
            .toString()
            .contains("\"9005\""));

    sim.changeState(c.id, "snoozed");
    assertEquals("snoozed", client.get("/conversations/" + c.id).json().path("state").asString());

    long beforeAssign = client.get("/conversations/" + c.id).json().path("updated_at").asLong();
    sim.assign(c.id, "7301248");
    JsonNode assigned = client.get("/conversations/" + c.id).json();
    assertEquals(7301248, assigned.path("admin_assignee_id").asLong());
    assertTrue(assigned.path("updated_at").asLong() > beforeAssign, "assignment bumps updated_at");
    assertEquals(
        afterAgent.path("statistics").path("last_admin_reply_at"),
        assigned.path("statistics").path("last_admin_reply_at"));
  }

  @Test
  void deletions_and_new_conversations_change_what_a_sync_should_hold() {
    start(50);
    Oracle before = sim.oracle();
    String gone = before.qualifyingNewestFirst().get(0);
    sim.deleteConversation(gone);
    assertEquals(404, client.get("/conversations/" + gone).status());
    JsonNode deleted = client.get("/conversations/deleted").json();
    assertEquals(gone, deleted.path("conversations").get(0).path("id").asString());
    assertEquals(List.of(gone), sim.oracle().deleted());

    String customer = sim.newConversation("customer");
    String replied = sim.newConversation("outbound-replied");
    String silent = sim.newConversation("outbound-silent");
    Oracle after = sim.oracle();
    assertTrue(after.qualifyingNewestFirst().contains(customer));
    assertTrue(after.qualifyingNewestFirst().contains(replied));
    assertTrue(after.skippedWithoutReply().contains(silent));
    assertFalse(after.qualifyingNewestFirst().contains(gone));
    assertEquals(before.qualifyingNewestFirst().size() + 1, after.qualifyingNewestFirst().size());
  }

  @Test
  void sends_webhooks_signed_with_the_client_secret() throws Exception {
    BlockingQueue<String[]> received = new ArrayBlockingQueue<>(1);
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hooks",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(
              new String[] {
                exchange.getRequestHeaders().getFirst("X-Hub-Signature"),
                new String(body, StandardCharsets.UTF_8)
              });
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    try {
      start(
          SimulatorConfig.defaults(11, 20)
              .withRatePerMinute(0)
              .withWebhookUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks"));
      String id = sim.snapshot().conversations().get(0).id;
      assertEquals(200, sim.sendWebhook("conversation.user.replied", id));
      String[] hook = received.poll(5, TimeUnit.SECONDS);
      assertEquals(
          "sha1="
              + Webhooks.hmacSha1(hook[1].getBytes(StandardCharsets.UTF_8), "sim-client-secret"),
          hook[0]);
      JsonNode envelope = Render.JSON.readTree(hook[1]);
      assertEquals("conversation.user.replied", envelope.path("topic").asString());
      assertEquals("abc12345", envelope.path("app_id").asString());
      assertEquals(id, envelope.path("data").path("item").path("id").asString());
      assertNotEquals(
          "sha1=" + Webhooks.hmacSha1(hook[1].getBytes(StandardCharsets.UTF_8), "another-secret"),
          hook[0]);
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void serves_files_behind_signed_links_that_expire() {
    start(
        SimulatorConfig.defaults(11, 400)
            .withRatePerMinute(0)
            .withWorkspace(new WorkspaceSpec(11, 400, 0.1, 0.3, 0, 1.0, 8)));
    String url = null;
    for (Model.Conversation c : sim.snapshot().conversations()) {
      JsonNode json = client.get("/conversations/" + c.id).json();
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("src=\"([^\"]+)\"")
              .matcher(json.toString().replace("\\\"", "\""));
      if (m.find()) {
        url = m.group(1);
        break;
      }
    }
    assertTrue(url != null, "some message has an inline image");
    SimClient anonymous = new SimClient(sim.baseUri(), null);
    SimClient.Reply image = anonymous.send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    assertEquals(200, image.status());
    assertEquals("image/png", image.raw().headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        404,
        anonymous
            .send(
                HttpRequest.newBuilder(URI.create(url.replace("signature=", "signature=0")))
                    .GET()
                    .build())
            .status());
    clock.advance(Duration.ofMinutes(31));
    assertEquals(
        404,
        anonymous.send(HttpRequest.newBuilder(URI.create(url)).GET().build()).status(),
        "expired");
    String file = URI.create(url).getPath().substring("/i/o/".length());
    assertEquals(1, sim.fileServed(file), "the file sent whole, not the refusals");
  }

  @Test
  void the_same_seed_generates_the_same_workspace() {
    SimulatorConfig config =
        SimulatorConfig.defaults(99, 500).withRatePerMinute(0).withClock(clock);
    try (IntercomSimulator a = IntercomSimulator.start(config);
        IntercomSimulator b = IntercomSimulator.start(config)) {
      assertEquals(a.oracle(), b.oracle());
      SimClient ca = new SimClient(a.baseUri(), "sim-token");
      SimClient cb = new SimClient(b.baseUri(), "sim-token");
      for (Model.Conversation c : a.snapshot().conversations().subList(0, 100)) {
        String ja = ca.get("/conversations/" + c.id).body().replace(a.baseUri().toString(), "");
        String jb = cb.get("/conversations/" + c.id).body().replace(b.baseUri().toString(), "");
        assertEquals(ja, jb);
      }
      IntercomSimulator other =
          IntercomSimulator.start(SimulatorConfig.defaults(100, 500).withRatePerMinute(0));
      try (other) {
        assertNotEquals(a.oracle(), other.oracle(), "another seed, another workspace");
      }
    }
  }

  @Test
  void returns_the_500_most_recent_parts_of_a_longer_conversation() {
    start(
        SimulatorConfig.defaults(11, 200)
            .withRatePerMinute(0)
            .withWorkspace(WorkspaceSpec.of(11, 200).withLongThreadShare(0.05)));
    Model.Conversation longOne =
        sim.snapshot().conversations().stream()
            .filter(c -> c.partCount() > 500)
            .findFirst()
            .orElseThrow();
    JsonNode parts = client.get("/conversations/" + longOne.id).json().path("conversation_parts");
    assertEquals(500, parts.path("conversation_parts").size());
    assertEquals(longOne.partCount(), parts.path("total_count").asInt());
    long lastPartId =
        Long.parseLong(parts.path("conversation_parts").get(499).path("id").asString());
    assertEquals(
        31_890_000_000L + longOne.index * 1000L + longOne.partCount(),
        lastPartId,
        "the newest part is last");
  }

  @Test
  void matches_contact_search_dates_by_calendar_day() {
    start(100);
    Model.Contact contact = sim.snapshot().contacts().get(0);
    long sameDay = contact.updatedAt - contact.updatedAt % 86400 + 10;
    String after =
        "{\"query\":{\"field\":\"updated_at\",\"operator\":\">\",\"value\":"
            + sameDay
            + "},\"pagination\":{\"per_page\":150}}";
    String on =
        "{\"query\":{\"field\":\"updated_at\",\"operator\":\"=\",\"value\":"
            + sameDay
            + "},\"pagination\":{\"per_page\":150}}";
    assertFalse(
        client.post("/contacts/search", after).body().contains(contact.id),
        "'>' starts at the next day");
    assertTrue(client.post("/contacts/search", on).body().contains(contact.id));
  }

  @Test
  void finds_contacts_by_id_in_pages_of_at_most_150_and_refuses_what_intercom_refuses() {
    start(400);
    List<String> wanted = sim.snapshot().contacts().stream().limit(160).map(c -> c.id).toList();
    String ids =
        wanted.stream().map(id -> "\"" + id + "\"").reduce((a, b) -> a + "," + b).orElseThrow();
    String query = "{\"field\":\"id\",\"operator\":\"IN\",\"value\":[" + ids + ",\"nobody\"]}";
    sim.resetCounters();
    JsonNode first =
        client
            .post("/contacts/search", "{\"query\":" + query + ",\"pagination\":{\"per_page\":150}}")
            .json();
    assertEquals(150, first.path("data").size());
    assertEquals(160, first.path("total_count").asInt(), "the unknown id matches nothing");
    String cursor = first.path("pages").path("next").path("starting_after").asString();
    JsonNode second =
        client
            .post(
                "/contacts/search",
                "{\"query\":"
                    + query
                    + ",\"pagination\":{\"per_page\":150,\"starting_after\":\""
                    + cursor
                    + "\"}}")
            .json();
    assertTrue(second.path("pages").path("next").isMissingNode(), "the last page");
    java.util.Set<String> found = new java.util.TreeSet<>();
    first.path("data").forEach(c -> found.add(c.path("id").asString()));
    second.path("data").forEach(c -> found.add(c.path("id").asString()));
    assertEquals(new java.util.TreeSet<>(wanted), found);
    assertEquals(2, sim.counters().calls("POST /contacts/search"), "each page a call");

    assertEquals(
        400,
        client
            .post("/contacts/search", "{\"query\":" + query + ",\"pagination\":{\"per_page\":151}}")
            .status(),
        "at most 150 a page");
    assertEquals(
        400,
        client
            .post(
                "/contacts/search",
                "{\"query\":{\"field\":\"id\",\"operator\":\"IN\",\"value\":\""
                    + wanted.get(0)
                    + "\"}}")
            .status(),
        "IN takes an array");
    assertEquals(
        400,
        client
            .post(
                "/contacts/search",
                "{\"query\":{\"field\":\"created_at\",\"operator\":\"IN\",\"value\":[1]}}")
            .status(),
        "not on dates");
    assertEquals(
        1,
        client
            .post(
                "/contacts/search",
                "{\"query\":{\"field\":\"id\",\"operator\":\"NIN\",\"value\":["
                    + sim.snapshot().contacts().stream()
                        .skip(1)
                        .map(c -> "\"" + c.id + "\"")
                        .reduce((a, b) -> a + "," + b)
                        .orElseThrow()
                    + "]}}")
            .json()
            .path("total_count")
            .asInt(),
        "NIN: all but those");
  }

  @Test
  void counts_every_conversation_its_listings_return_page_by_page() {
    start(200);
    String page = "{\"query\":{\"field\":\"id\",\"operator\":\">\",\"value\":\"0\"},";
    JsonNode first =
        client.post("/conversations/search", page + "\"pagination\":{\"per_page\":150}}").json();
    String cursor = first.path("pages").path("next").path("starting_after").asString();
    JsonNode second =
        client
            .post(
                "/conversations/search",
                page + "\"pagination\":{\"per_page\":150,\"starting_after\":\"" + cursor + "\"}}")
            .json();
    client.get("/conversations?per_page=20");
    assertEquals(
        first.path("conversations").size() + second.path("conversations").size() + 20,
        sim.counters().conversationsListed(),
        "each page's conversations, the list endpoint's too");
    assertEquals(200, first.path("conversations").size() + second.path("conversations").size());
    sim.resetCounters();
    assertEquals(0, sim.counters().conversationsListed(), "reset with the other counters");
  }

  @Test
  void keeps_one_companies_scroll_open_at_a_time_and_expires_it_after_a_minute() {
    start(200);
    JsonNode first = client.get("/companies/scroll").json();
    assertEquals(
        400, client.get("/companies/scroll").status(), "a second scroll while one is open");
    clock.advance(Duration.ofSeconds(61));
    assertEquals(
        404,
        client
            .get("/companies/scroll?scroll_param=" + first.path("scroll_param").asString())
            .status());
    assertEquals(200, client.get("/companies/scroll").status(), "a fresh scroll after expiry");
  }
}
