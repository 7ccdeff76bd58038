package com.feedbacksync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every endpoint answers in the shapes of Intercom's 2.16 description. */
class SimulatorContractTest {

  private static IntercomSimulator simulator;
  private static SimClient client;
  private static final IntercomSchemas SCHEMAS = IntercomSchemas.load();

  @BeforeAll
  static void start() {
    simulator =
        IntercomSimulator.start(
            SimulatorConfig.defaults(7, 300)
                .withRatePerMinute(0)
                .withWorkspace(WorkspaceSpec.of(7, 300).withLongThreadShare(0.02)));
    client = new SimClient(simulator.baseUri(), "sim-token");
    simulator.deleteConversation(simulator.snapshot().conversations().get(3).id);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  static Stream<Arguments> endpoints() {
    String contact = "/contacts/" + simulator.snapshot().contacts().get(0).id;
    String company = "/companies/" + simulator.snapshot().companies().get(0).id;
    return Stream.of(
        Arguments.of("GET /me", "admin_with_app", (Call) () -> client.get("/me")),
        Arguments.of(
            "GET /conversations",
            "conversation_list",
            (Call) () -> client.get("/conversations?per_page=50")),
        Arguments.of(
            "POST /conversations/search",
            "conversation_list",
            (Call)
                () ->
                    client.post(
                        "/conversations/search",
                        "{\"query\":{\"operator\":\"AND\",\"value\":[{\"field\":\"updated_at\",\"operator\":\">\",\"value\":0},"
                            + "{\"field\":\"statistics.first_contact_reply_at\",\"operator\":\"!=\",\"value\":null}]},"
                            + "\"pagination\":{\"per_page\":150},\"sort\":{\"field\":\"updated_at\",\"order\":\"ascending\"}}")),
        Arguments.of(
            "GET /conversations/deleted",
            "deleted_conversation_list",
            (Call) () -> client.get("/conversations/deleted")),
        Arguments.of(
            "GET /contacts", "contact_list", (Call) () -> client.get("/contacts?per_page=100")),
        Arguments.of(
            "POST /contacts/search",
            "contact_list",
            (Call)
                () ->
                    client.post(
                        "/contacts/search",
                        "{\"query\":{\"field\":\"updated_at\",\"operator\":\">\",\"value\":0},\"pagination\":{\"per_page\":150}}")),
        Arguments.of("GET /contacts/{id}", "contact", (Call) () -> client.get(contact)),
        Arguments.of(
            "GET /contacts/{id}/segments",
            "contact_segments",
            (Call) () -> client.get(contact + "/segments")),
        Arguments.of(
            "GET /contacts/{id}/companies",
            "contact_attached_companies",
            (Call) () -> client.get(contact + "/companies")),
        Arguments.of("GET /companies/{id}", "company", (Call) () -> client.get(company)),
        Arguments.of("GET /tags", "tag_list", (Call) () -> client.get("/tags")),
        Arguments.of("GET /admins", "admin_list", (Call) () -> client.get("/admins")),
        Arguments.of("GET /teams", "team_list", (Call) () -> client.get("/teams")),
        Arguments.of("404", "error", (Call) () -> client.get("/conversations/1")),
        Arguments.of(
            "401", "error", (Call) () -> new SimClient(simulator.baseUri(), "wrong").get("/me")),
        Arguments.of(
            "400",
            "error",
            (Call)
                () ->
                    client.post(
                        "/conversations/search",
                        "{\"query\":{\"field\":\"nope\",\"operator\":\"=\",\"value\":1}}")));
  }

  interface Call {
    SimClient.Reply call();
  }

  @ParameterizedTest(name = "{0} answers a valid {1}")
  @MethodSource("endpoints")
  void answers_in_the_shape_of_the_2_16_schema(String endpoint, String schema, Call call) {
    SimClient.Reply reply = call.call();
    assertTrue(reply.json() != null, endpoint + " answered " + reply.status() + " " + reply.body());
    assertEquals(List.of(), SCHEMAS.violations(schema, reply.json()), endpoint);
  }

  @Test
  void every_conversation_retrieved_is_a_valid_conversation() {
    List<String> problems = new ArrayList<>();
    for (Model.Conversation c : simulator.snapshot().conversations()) {
      JsonNode json = client.get("/conversations/" + c.id).json();
      SCHEMAS.violations("conversation", json).forEach(v -> problems.add(c.id + ": " + v));
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void the_companies_scroll_answers_valid_pages() {
    JsonNode page = client.get("/companies/scroll").json();
    assertEquals(List.of(), SCHEMAS.violations("company_scroll", page));
    while (!page.path("data").isEmpty()) {
      page =
          client
              .get("/companies/scroll?scroll_param=" + page.path("scroll_param").asString())
              .json();
    }
  }

  @Test
  void the_shared_fixtures_validate_against_the_same_relaxed_schemas() {
    // A check of the checker: the hand-written fixtures are valid but for the documented
    // deviations.
    String[][] fixtures = {
      {"conversation-user-initiated-with-replies.json", "conversation"},
      {"conversation-outbound-no-reply.json", "conversation"},
      {"conversation-outbound-with-customer-reply.json", "conversation"},
      {"conversation-tags-custom-attributes-inline-image.json", "conversation"},
      {"search-conversations-response.json", "conversation_list"},
      {"contact-with-custom-attributes-and-company.json", "contact"},
      {"company.json", "company"},
      {"contact-segments.json", "contact_segments"},
      {"me.json", "admin_with_app"},
      {"error-429-rate-limit.json", "error"}
    };
    for (String[] f : fixtures) {
      JsonNode json =
          Render.JSON.readTree(getClass().getResourceAsStream("/intercom-fixtures/" + f[0]));
      assertEquals(List.of(), SCHEMAS.violations(f[1], json), f[0]);
    }
  }

  @Test
  void refuses_what_intercom_refuses() {
    assertEquals(401, new SimClient(simulator.baseUri(), null).get("/me").status());
    assertEquals(
        406,
        client
            .send(
                java.net.http.HttpRequest.newBuilder(simulator.baseUri().resolve("/me"))
                    .header("Authorization", "Bearer sim-token")
                    .header("Accept", "text/html")
                    .GET()
                    .build())
            .status());
    assertEquals(
        400,
        client
            .post(
                "/conversations/search",
                "{\"query\":{\"field\":\"id\",\"operator\":\"=\",\"value\":1},\"pagination\":{\"per_page\":151}}")
            .status());
    assertEquals(
        "parameter_invalid",
        client
            .post("/conversations/search", "{\"query\":")
            .json()
            .path("errors")
            .get(0)
            .path("code")
            .asString());
  }
}
