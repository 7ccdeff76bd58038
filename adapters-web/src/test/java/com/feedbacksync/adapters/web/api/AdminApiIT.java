package com.feedbacksync.adapters.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.adapters.web.support.AdminTokens;
import com.feedbacksync.adapters.web.support.ApiClient;
import com.feedbacksync.adapters.web.support.ItDeployments;
import com.feedbacksync.adapters.web.support.TestDatabase;
import com.feedbacksync.adapters.web.webhook.WebhookSignature;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.simulator.IntercomSimulator;
import com.feedbacksync.simulator.SimulatorConfig;
import com.feedbacksync.simulator.WorkspaceSpec;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every read and write endpoint over HTTP after a real first sync: documents (paging, filters,
 * detail, Document Info, files), customers, runs, the plan, the webhook receiver; and every refusal
 * as a problem: no token, wrong role, another account's ids, invalid input, a bad signature.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminApiIT {

  private static final String PROBLEM = "application/problem+json";

  @ArquillianResource URL base;

  private ApiClient api;

  @Deployment(testable = false)
  static WebArchive war() {
    return ItDeployments.war("feedback-sync-admin-it.war");
  }

  @Test
  void the_admin_api_after_a_first_sync() throws Exception {
    api = new ApiClient(base);
    int port = Integer.parseInt(System.getProperty("it.simulator.port", "9189"));
    String webhookUrl = api.uri("api/v1/webhooks/intercom").toString();
    try (IntercomSimulator sim =
        IntercomSimulator.start(
            SimulatorConfig.defaults(21, 120)
                // A few threads longer than the 500 parts Intercom returns.
                .withWorkspace(WorkspaceSpec.of(21, 120).withLongThreadShare(0.03))
                .withRatePerMinute(0)
                .withPort(port)
                .withWebhookUrl(webhookUrl))) {
      String account = "admin-" + UUID.randomUUID().toString().substring(0, 8);
      String other = "other-" + UUID.randomUUID().toString().substring(0, 8);
      api.createAccount(account, "Admin IT", Plan.START);
      api.createAccount(other, "Other IT", Plan.PAID);
      String admin = AdminTokens.token("ada", account, "admin");
      String member = AdminTokens.token("bo", account, "member");
      String stranger = AdminTokens.token("eve", other, "admin");
      api.connectAndAwaitHistory(sim, admin);
      Set<String> oracle = new TreeSet<>(sim.oracle().qualifyingNewestFirst());

      List<JsonObject> all = documentsInPages(member, 7);
      List<String> ids = all.stream().map(d -> d.getString("id")).toList();
      assertEquals(oracle, new TreeSet<>(ids), "every document once, across pages");
      assertEquals(ids.size(), new HashSet<>(ids).size(), "no document twice");
      assertNewestFirst(all);

      documentDetailInfoAndFiles(member, all);
      filters(member, all);
      customers(member, all);
      runs(member);
      completenessAndIntercomAttributes(sim, member, all);
      isolation(stranger, all.get(0).getString("id"), account);
      refusals(member, admin);
      plan(account, admin);
      webhooks(sim, admin, all);
      audit(account, admin, member, stranger);
    }
  }

  private List<JsonObject> documentsInPages(String token, int limit) throws Exception {
    List<JsonObject> all = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonObject page =
          ok(
              api.get(
                  "api/v1/documents?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor),
                  token));
      JsonArray items = page.getJsonArray("items");
      assertTrue(items.size() <= limit);
      items.forEach(i -> all.add(i.asJsonObject()));
      cursor = page.containsKey("nextCursor") ? page.getString("nextCursor") : null;
      pages++;
    } while (cursor != null && pages < 1000);
    return all;
  }

  private static void assertNewestFirst(List<JsonObject> documents) {
    for (int i = 1; i < documents.size(); i++) {
      Instant before = Instant.parse(documents.get(i - 1).getString("updatedAt"));
      Instant after = Instant.parse(documents.get(i).getString("updatedAt"));
      assertFalse(after.isAfter(before), "newest activity first at " + i);
    }
  }

  private void documentDetailInfoAndFiles(String token, List<JsonObject> all) throws Exception {
    JsonObject first = all.get(0);
    String id = first.getString("id");
    JsonObject doc = ok(api.get("api/v1/documents/" + id, token));
    assertEquals(id, doc.getString("id"));
    assertEquals(first.getString("title"), doc.getString("title"));
    assertFalse(doc.getJsonArray("messages").isEmpty());
    JsonObject message = doc.getJsonArray("messages").getJsonObject(0);
    assertTrue(
        message.containsKey("author") && message.containsKey("createdAt"), message.toString());
    assertFalse(doc.getString("content").contains("<script"), "sanitized content");
    assertTrue(doc.getJsonObject("customer").containsKey("id"), doc.toString());

    JsonObject info = ok(api.get("api/v1/documents/" + id + "/info", token));
    assertEquals(id, info.getString("conversationId"));
    assertEquals("intercom", info.getString("source"));
    assertTrue(info.getString("originalUrl").startsWith("https://app.intercom.com/a/inbox/"));
    assertTrue(info.containsKey("sourceType") && info.containsKey("workspaceId"), info.toString());
    assertTrue(info.containsKey("syncedAt") && info.containsKey("attributes"), info.toString());

    // Files: every stored link of some documents answers with the stored bytes and their type.
    int files = 0;
    for (JsonObject summary : all) {
      JsonObject d = ok(api.get("api/v1/documents/" + summary.getString("id"), token));
      for (JsonValue m : d.getJsonArray("messages")) {
        for (JsonValue f : m.asJsonObject().getJsonArray("attachments")) {
          String url = f.asJsonObject().getString("url");
          if (url.startsWith("/api/v1/documents/")) {
            HttpResponse<byte[]> file = api.bytes(url.substring(1), token);
            assertEquals(200, file.statusCode(), url);
            assertTrue(file.body().length > 0);
            assertEquals("nosniff", file.headers().firstValue("X-Content-Type-Options").orElse(""));
            files++;
          }
        }
      }
      if (files >= 3) {
        break;
      }
    }
    assertTrue(files > 0, "the sample workspace has attachments, and they were stored");
    assertProblem(404, api.get("api/v1/documents/" + id + "/files/nope", token));
    assertProblem(404, api.get("api/v1/documents/no-such-document", token));
  }

  private void filters(String token, List<JsonObject> all) throws Exception {
    for (JsonObject d : items(api.get("api/v1/documents?status=closed&limit=100", token))) {
      assertEquals("CLOSED", d.getString("status"));
    }
    String tag =
        all.stream()
            .filter(d -> !d.getJsonArray("tags").isEmpty())
            .findFirst()
            .orElseThrow()
            .getJsonArray("tags")
            .getString(0);
    List<JsonObject> tagged =
        items(
            api.get(
                "api/v1/documents?limit=100&tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8),
                token));
    assertFalse(tagged.isEmpty());
    for (JsonObject d : tagged) {
      assertTrue(
          d.getJsonArray("tags").getValuesAs(JsonValue::toString).contains("\"" + tag + "\""));
    }
    JsonObject withCustomer = all.get(0);
    String customer = withCustomer.getString("customerId");
    List<JsonObject> theirs =
        items(api.get("api/v1/documents?limit=100&customer=" + customer, token));
    assertTrue(theirs.stream().allMatch(d -> d.getString("customerId").equals(customer)));
    assertTrue(
        theirs.stream().anyMatch(d -> d.getString("id").equals(withCustomer.getString("id"))));
    String word =
        all.stream()
            .flatMap(d -> List.of(d.getString("title").split("[^A-Za-z]+")).stream())
            .filter(w -> w.length() >= 5)
            .findFirst()
            .orElseThrow();
    List<JsonObject> found =
        items(api.get("api/v1/documents?limit=100&q=" + word.toLowerCase(), token));
    assertFalse(found.isEmpty(), "full-text search finds a title word: " + word);
  }

  private void customers(String token, List<JsonObject> all) throws Exception {
    String id = all.get(0).getString("customerId");
    JsonObject customer = ok(api.get("api/v1/customers/" + id, token));
    assertEquals(id, customer.getString("id"));
    assertTrue(customer.containsKey("properties") && customer.containsKey("segments"));
    JsonObject page = ok(api.get("api/v1/customers?limit=5", token));
    assertEquals(5, page.getJsonArray("items").size());
    assertTrue(page.containsKey("nextCursor"));
    // The e-mail filter, with any case, finds a customer who has one (leads may have none).
    JsonObject withEmail =
        items(api.get("api/v1/customers?limit=100", token)).stream()
            .filter(c -> c.containsKey("email"))
            .findFirst()
            .orElseThrow();
    List<JsonObject> byEmail =
        items(
            api.get(
                "api/v1/customers?email="
                    + URLEncoder.encode(
                        withEmail.getString("email").toUpperCase(), StandardCharsets.UTF_8),
                token));
    assertEquals(
        List.of(withEmail.getString("id")), byEmail.stream().map(c -> c.getString("id")).toList());
    assertProblem(404, api.get("api/v1/customers/no-such-customer", token));
  }

  private void runs(String token) throws Exception {
    HttpResponse<String> runs = api.get("api/v1/integrations/intercom/runs", token);
    assertEquals(200, runs.statusCode(), runs.body());
    assertTrue(runs.body().contains("\"kind\":\"FIRST\""), runs.body());
    String runId =
        jakarta.json.Json.createReader(new java.io.StringReader(runs.body()))
            .readArray()
            .getJsonObject(0)
            .getString("id");
    JsonObject run = ok(api.get("api/v1/integrations/intercom/runs/" + runId, token));
    assertEquals(runId, run.getString("id"));
    assertProblem(404, api.get("api/v1/integrations/intercom/runs/no-such-run", token));
    JsonObject status = ok(api.get("api/v1/integrations/intercom", token));
    assertTrue(status.containsKey("lastSync") && status.containsKey("nextSync"), status.toString());
  }

  /**
   * The documents the simulator's oracle names as cut to 500 parts are flagged in the list, with
   * both counts in Document Info, and counted by the first run; Document Info's Intercom attributes
   * and a customer's companies' properties are what the simulator serves.
   */
  private void completenessAndIntercomAttributes(
      IntercomSimulator sim, String token, List<JsonObject> all) throws Exception {
    var cut = sim.oracle().truncatedByIntercom();
    assertFalse(cut.isEmpty(), "the workspace has threads over 500 parts");
    for (JsonObject d : all) {
      assertEquals(
          cut.containsKey(d.getString("id")), d.getBoolean("truncatedByIntercom"), d.toString());
    }
    var one = cut.entrySet().iterator().next();
    JsonObject completeness =
        ok(api.get("api/v1/documents/" + one.getKey() + "/info", token))
            .getJsonObject("completeness");
    assertEquals(one.getValue().reported(), completeness.getInt("partsReported"));
    assertEquals(one.getValue().returned(), completeness.getInt("partsReceived"));
    assertTrue(completeness.getBoolean("truncatedByIntercom"));
    JsonObject first =
        jakarta.json.Json.createReader(
                new java.io.StringReader(
                    api.get("api/v1/integrations/intercom/runs", token).body()))
            .readArray()
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(r -> r.getString("kind").equals("FIRST"))
            .findFirst()
            .orElseThrow();
    assertEquals(cut.size(), first.getJsonNumber("truncatedByIntercom").longValue());

    // Intercom's own attributes, against what the simulator serves for the conversation.
    int rated = 0;
    for (JsonObject d : all) {
      String id = d.getString("id");
      JsonObject served = simulatorGet(sim, "/conversations/" + id);
      JsonObject attributes =
          ok(api.get("api/v1/documents/" + id + "/info", token))
              .getJsonObject("intercomAttributes");
      assertEquals(served.getString("priority"), attributes.getString("priority"), id);
      assertEquals(
          served.getJsonObject("source").getString("delivered_as"),
          attributes.getString("source.delivered_as"),
          id);
      if (served.get("conversation_rating") instanceof JsonObject rating) {
        assertEquals(rating.getInt("rating"), attributes.getInt("conversation_rating.rating"), id);
        assertEquals(
            Instant.ofEpochSecond(rating.getJsonNumber("created_at").longValue()).toString(),
            attributes.getString("conversation_rating.created_at"),
            id);
        rated++;
      }
      if (rated >= 3) {
        break;
      }
    }
    assertTrue(rated > 0, "the sample workspace has rated conversations");

    // Every company of a customer with its properties, not only the primary.
    int companies = 0;
    for (JsonObject customer : items(api.get("api/v1/customers?limit=100", token))) {
      for (JsonValue c : customer.getJsonArray("companies")) {
        JsonObject properties = c.asJsonObject().getJsonObject("properties");
        assertTrue(
            properties.containsKey("company_id") && properties.containsKey("plan"),
            properties.toString());
        companies++;
      }
    }
    assertTrue(companies > 0, "the sample customers belong to companies");
  }

  private static JsonObject simulatorGet(IntercomSimulator sim, String path) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(sim.baseUri().resolve(path))
                    .header("Authorization", "Bearer sim-token")
                    .header("Accept", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return jakarta.json.Json.createReader(new java.io.StringReader(r.body())).readObject();
  }

  /** Another account's admin sees none of it: every id answers 404, lists are empty. */
  private void isolation(String stranger, String documentId, String owner) throws Exception {
    assertProblem(404, api.get("api/v1/documents/" + documentId, stranger));
    assertProblem(404, api.get("api/v1/documents/" + documentId + "/info", stranger));
    assertEquals(0, items(api.get("api/v1/documents", stranger)).size());
    assertEquals(0, items(api.get("api/v1/customers", stranger)).size());
    JsonObject status = ok(api.get("api/v1/integrations/intercom", stranger));
    assertEquals("DISCONNECTED", status.getString("state"));
    assertFalse(status.toString().contains(owner));
  }

  private void refusals(String member, String admin) throws Exception {
    // No token and a refused one are told apart; a refused one only by its reason's class.
    assertDetail(
        "A bearer token is required", assertProblem(401, api.get("api/v1/documents", null)));
    assertDetail(
        "The bearer token was not accepted: it is not a well-formed JWT",
        assertProblem(401, api.get("api/v1/documents", "not-a-token")));
    assertDetail(
        "The bearer token was not accepted: it has expired",
        assertProblem(
            401,
            api.get("api/v1/documents", AdminTokens.expiredToken("ada", "whatever", "admin"))));
    assertDetail(
        "The bearer token was not accepted: its issuer is not the one this service trusts",
        assertProblem(
            401,
            api.get(
                "api/v1/documents", AdminTokens.otherIssuersToken("ada", "whatever", "admin"))));
    assertDetail(
        "The bearer token was not accepted: its signature could not be verified",
        assertProblem(
            401,
            api.get("api/v1/documents", AdminTokens.badlySignedToken("ada", "whatever", "admin"))));
    assertProblem(403, api.send("PUT", "api/v1/account/plan", member, "{\"plan\":\"PAID\"}"));
    assertProblem(403, api.send("POST", "api/v1/integrations/intercom/sync", member, null));

    JsonObject tooMany = assertProblem(400, api.get("api/v1/documents?limit=101", member));
    assertEquals("limit", tooMany.getJsonArray("errors").getJsonObject(0).getString("field"));
    assertProblem(400, api.get("api/v1/documents?limit=0", member));
    JsonObject status = assertProblem(400, api.get("api/v1/documents?status=pending", member));
    assertTrue(status.getString("detail").contains("OPEN, CLOSED, SNOOZED"), status.toString());
    assertProblem(400, api.get("api/v1/documents?cursor=bm90LWEtY3Vyc29y", member));
    assertProblem(400, api.get("api/v1/customers?limit=1000", member));
    assertProblem(400, api.get("api/v1/integrations/intercom/runs?limit=0", member));

    // Plans are the research repository's to set (AccountApiIT covers its endpoint's refusals).
    assertProblem(403, api.send("PUT", "api/v1/account/plan", admin, "{\"plan\":\"PAID\"}"));
    assertProblem(404, api.get("api/v1/no-such-endpoint", admin));
    assertProblem(404, api.get("no-such-page", admin));
  }

  /** The research repository upgrades the account; its admin reads the new plan. */
  private void plan(String account, String admin) throws Exception {
    JsonObject changed =
        ok(
            api.send(
                "PUT",
                "api/v1/accounts/" + account,
                AdminTokens.serviceToken("research-repository"),
                "{\"name\":\"Admin IT\",\"plan\":\"PAID\"}"));
    assertEquals("PAID", changed.getJsonObject("account").getString("plan"));
    assertEquals("All history is already synced.", changed.getString("backfill"));
    assertEquals("PAID", ok(api.get("api/v1/account", admin)).getString("plan"));
  }

  private void webhooks(IntercomSimulator sim, String admin, List<JsonObject> all)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String body = "{\"type\":\"notification_event\",\"topic\":\"conversation.user.replied\"}";
    HttpResponse<String> forged =
        http.send(
            HttpRequest.newBuilder(api.uri("api/v1/webhooks/intercom"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature", "sha1=" + "0".repeat(40))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, forged.statusCode());
    assertEquals(PROBLEM, forged.headers().firstValue("Content-Type").orElse(""));

    // Signed, but nested deeper than any parser should follow: a clear 400, not a 500.
    byte[] nested =
        ("{\"topic\":\"conversation.user.replied\",\"data\":"
                + "{\"a\":".repeat(5_000)
                + "1"
                + "}".repeat(5_000)
                + "}")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> deep = signedWebhook(http, nested);
    assertEquals(400, deep.statusCode(), deep.body());
    assertEquals(PROBLEM, deep.headers().firstValue("Content-Type").orElse(""));

    // A customer replies; Intercom's signed webhook re-syncs the conversation before the hour.
    String id = all.get(all.size() - 1).getString("id");
    int before = ok(api.get("api/v1/documents/" + id, admin)).getJsonArray("messages").size();
    sim.customerReplies(id);
    assertEquals(202, sim.sendWebhook("conversation.user.replied", id));
    long deadline = System.nanoTime() + 30_000_000_000L;
    int after = before;
    while (after == before && System.nanoTime() < deadline) {
      Thread.sleep(200);
      after = ok(api.get("api/v1/documents/" + id, admin)).getJsonArray("messages").size();
    }
    assertTrue(after > before, "the reply arrived through the webhook: " + before + " -> " + after);
    assertEquals(200, sim.sendWebhook("conversation.admin.assigned", id), "acknowledged, ignored");

    // A contact deleted in Intercom: its notification carries only ids; the profile becomes a
    // tombstone (410), never silently kept.
    String contact = all.get(0).getString("customerId");
    assertEquals(200, api.get("api/v1/customers/" + contact, admin).statusCode());
    sim.deleteContact(contact);
    byte[] deleted =
        ("{\"type\":\"notification_event\",\"id\":\"notif_"
                + UUID.randomUUID()
                + "\",\"topic\":\"contact.deleted\",\"created_at\":"
                + Instant.now().getEpochSecond()
                + ",\"app_id\":\""
                + sim.config().appId()
                + "\",\"data\":{\"type\":\"notification_event_data\",\"item\":{\"type\":\"contact\","
                + "\"id\":\""
                + contact
                + "\"}}}")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> accepted = signedWebhook(http, deleted);
    assertEquals(202, accepted.statusCode(), accepted.body());
    deadline = System.nanoTime() + 30_000_000_000L;
    int status = 200;
    while (status == 200 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      status = api.get("api/v1/customers/" + contact, admin).statusCode();
    }
    assertProblem(410, api.get("api/v1/customers/" + contact, admin));
    assertFalse(
        items(api.get("api/v1/customers?limit=100", admin)).stream()
            .anyMatch(c -> c.getString("id").equals(contact)),
        "a tombstone is not listed");
  }

  /**
   * Every admin and service action above, and a few more, appear in the account's audit trail with
   * who, what and how it ended; only its admins read it, and no token is in it.
   */
  private void audit(String account, String admin, String member, String stranger)
      throws Exception {
    String settings = "api/v1/integrations/intercom/settings";
    ok(api.send("PUT", settings, admin, "{\"includeInternalNotes\":true}"));
    assertProblem(400, api.send("PUT", settings, admin, "{}"));
    HttpResponse<String> syncNow =
        api.send("POST", "api/v1/integrations/intercom/sync", admin, null);
    assertTrue(syncNow.statusCode() == 202 || syncNow.statusCode() == 409, syncNow.body());
    assertEquals(204, api.send("DELETE", "api/v1/integrations/intercom", admin, null).statusCode());
    // Another account's admin naming this account in the repository's path: refused, and filed
    // under the stranger's own account, never written into this one's trail.
    assertProblem(
        403,
        api.send(
            "PUT",
            "api/v1/accounts/" + account,
            stranger,
            "{\"name\":\"Mine\",\"plan\":\"PAID\"}"));

    StringBuilder bodies = new StringBuilder();
    List<JsonObject> entries = new ArrayList<>();
    String cursor = null;
    do {
      HttpResponse<String> page =
          api.get(
              "api/v1/integrations/intercom/audit?limit=4"
                  + (cursor == null ? "" : "&cursor=" + cursor),
              admin);
      bodies.append(page.body());
      JsonObject json = ok(page);
      entries.addAll(json.getJsonArray("items").getValuesAs(JsonObject.class));
      cursor = json.containsKey("nextCursor") ? json.getString("nextCursor") : null;
    } while (cursor != null && entries.size() < 1000);
    for (int i = 1; i < entries.size(); i++) {
      assertFalse(
          Instant.parse(entries.get(i).getString("at"))
              .isAfter(Instant.parse(entries.get(i - 1).getString("at"))),
          "newest first at " + i);
    }

    assertAudited(entries, "CONNECT", "ada", "admin", "succeeded", 200);
    JsonObject connected = assertAudited(entries, "CONNECTED", "ada", "admin", "succeeded", 200);
    assertFalse(connected.getJsonObject("detail").getString("workspace").isBlank());
    assertAudited(entries, "PLAN_CHANGE", "bo", "member", "refused", 403);
    assertAudited(entries, "PLAN_CHANGE", "ada", "admin", "refused", 403);
    assertAudited(entries, "SYNC_NOW", "bo", "member", "refused", 403);
    JsonObject saved =
        assertAudited(entries, "ACCOUNT_SAVE", "research-repository", "service", "succeeded", 200);
    assertEquals("PAID", saved.getJsonObject("detail").getString("plan"));
    assertEquals("true", saved.getJsonObject("detail").getString("planChanged"));
    JsonObject chosen = assertAudited(entries, "SETTINGS_CHANGE", "ada", "admin", "succeeded", 200);
    assertEquals("true", chosen.getJsonObject("detail").getString("includeInternalNotes"));
    assertAudited(entries, "SETTINGS_CHANGE", "ada", "admin", "refused", 400);
    assertAudited(
        entries,
        "SYNC_NOW",
        "ada",
        "admin",
        syncNow.statusCode() == 202 ? "succeeded" : "refused",
        syncNow.statusCode());
    JsonObject disconnected =
        assertAudited(entries, "DISCONNECT", "ada", "admin", "succeeded", 204);
    assertEquals("false", disconnected.getJsonObject("detail").getString("purge"));
    assertEquals(
        List.of("DISCONNECT", "SYNC_NOW", "SETTINGS_CHANGE", "SETTINGS_CHANGE"),
        entries.subList(0, 4).stream().map(e -> e.getString("action")).toList(),
        "the latest actions, newest first");

    assertTrue(
        entries.stream().noneMatch(e -> e.getString("actor").equals("eve")),
        "nothing of the stranger's in this account's trail: " + entries);
    assertAudited(
        items(api.get("api/v1/integrations/intercom/audit?limit=100", stranger)),
        "ACCOUNT_SAVE",
        "eve",
        "admin",
        "refused",
        403);

    assertProblem(403, api.get("api/v1/integrations/intercom/audit", member));
    Set<String> ours = new HashSet<>();
    entries.forEach(e -> ours.add(e.getString("id")));
    List<JsonObject> theirs =
        items(api.get("api/v1/integrations/intercom/audit?limit=100", stranger));
    assertTrue(
        theirs.stream().noneMatch(e -> ours.contains(e.getString("id"))),
        "another account's admin reads none of this account's entries: " + theirs);

    StringBuilder rows = new StringBuilder();
    try (java.sql.Connection db = TestDatabase.connect();
        java.sql.PreparedStatement select =
            db.prepareStatement("SELECT * FROM audit_entry WHERE account_id = ?")) {
      select.setString(1, account);
      try (java.sql.ResultSet r = select.executeQuery()) {
        while (r.next()) {
          for (int c = 1; c <= r.getMetaData().getColumnCount(); c++) {
            rows.append(r.getString(c)).append('|');
          }
          rows.append('\n');
        }
      }
    }
    assertEquals(entries.size(), rows.toString().lines().count(), "every row is listed");
    for (String text : List.of(bodies.toString(), rows.toString())) {
      // Every JWT starts with eyJ (a base64 '{"'), whoever signed it.
      for (String secret : List.of(admin, member, stranger, "eyJ", "Bearer")) {
        assertFalse(text.contains(secret), "no token text in the audit trail: " + text);
      }
    }
  }

  private static JsonObject assertAudited(
      List<JsonObject> entries,
      String action,
      String actor,
      String role,
      String outcome,
      int status) {
    return entries.stream()
        .filter(e -> e.getString("action").equals(action))
        .filter(e -> e.getString("actor").equals(actor))
        .filter(e -> e.getString("role").equals(role))
        .filter(e -> e.getString("outcome").equals(outcome))
        .filter(e -> e.getInt("status") == status)
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    action
                        + " by "
                        + actor
                        + " ("
                        + role
                        + ") "
                        + outcome
                        + " "
                        + status
                        + " is not in the audit trail: "
                        + entries));
  }

  /** A body posted to the webhook receiver as Intercom signs it. */
  private HttpResponse<String> signedWebhook(HttpClient http, byte[] body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(api.uri("api/v1/webhooks/intercom"))
            .header("Content-Type", "application/json")
            .header("X-Hub-Signature", new WebhookSignature("sim-client-secret").sign(body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<JsonObject> items(HttpResponse<String> response) {
    return ok(response).getJsonArray("items").getValuesAs(JsonObject.class);
  }

  private static JsonObject ok(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return ApiClient.json(response);
  }

  private static void assertDetail(String expected, JsonObject problem) {
    assertTrue(problem.getString("detail").startsWith(expected), problem.toString());
  }

  private static JsonObject assertProblem(int status, HttpResponse<String> response) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM),
        response.headers() + " " + response.body());
    JsonObject problem = ApiClient.json(response);
    assertEquals(status, problem.getInt("status"));
    assertFalse(problem.getString("detail").isBlank());
    assertFalse(response.body().contains("at com."), "no stack trace");
    return problem;
  }
}
