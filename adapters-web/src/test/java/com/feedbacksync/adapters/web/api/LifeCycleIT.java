package com.feedbacksync.adapters.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.adapters.web.support.AdminTokens;
import com.feedbacksync.adapters.web.support.ApiClient;
import com.feedbacksync.adapters.web.support.ItDeployments;
import com.feedbacksync.adapters.web.support.TestDatabase;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.simulator.Faults.Fault;
import com.feedbacksync.simulator.IntercomSimulator;
import com.feedbacksync.simulator.SimulatorConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * An admin's whole life with the integration (issue #15), over HTTP against the simulator: connect
 * from a browser, disconnect during a sync, reconnect, purge, a failure and the run that clears it,
 * Intercom failing while connecting, and a reconnect that a running sync must not undo. The ITs'
 * server ticks once an hour, so every sync here is one the test starts (or the connect starts).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LifeCycleIT {

  private static final int SIM_PORT =
      Integer.parseInt(System.getProperty("it.simulator.port", "9189"));

  /** A pace at which a first sync of a few hundred conversations takes well over a minute. */
  private static final long SLOW_RATE_PER_MINUTE = 600;

  private static final String SETTINGS_PAGE = "/settings/integrations/intercom";

  /** As a browser asks: HTML first, anything will do; redirects are not followed. */
  private static final String BROWSER_ACCEPT =
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  /** The admin's browser: its cookie jar is shared with the API calls its page makes. */
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

  private final HttpClient browser =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .cookieHandler(cookies)
          .build();

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive war() {
    return ItDeployments.war("feedback-sync-lifecycle-it.war");
  }

  @Test
  void an_admin_connects_from_the_browser_without_a_token_and_lands_on_the_settings_page()
      throws Exception {
    try (IntercomSimulator sim = simulator(151, 300)) {
      String account = newAccount(Plan.START);
      String admin = admin(account);
      HttpResponse<String> connect =
          api().send("POST", "api/v1/integrations/intercom/connect", admin, null);
      assertEquals(200, connect.statusCode(), connect.body());
      String authorize = ApiClient.json(connect).getString("authorizeUrl");
      HttpResponse<String> consent = browse(URI.create(authorize));
      assertEquals(200, consent.statusCode(), "Intercom's consent page: " + consent.body());
      assertTrue(consent.body().contains("/oauth/allow"), consent.body());
      String state =
          URLDecoder.decode(
              authorize.replaceAll(".*[?&]state=([^&]*).*", "$1"), StandardCharsets.UTF_8);
      String query = api().allow(sim, state);

      // Another browser (an attacker who sent their consent link to a victim) brings the code and
      // state back without the cookie that binds the flow: refused, and the state not used up.
      HttpClient otherBrowser =
          HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
      HttpResponse<String> foreign =
          otherBrowser.send(
              HttpRequest.newBuilder(callback(query)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(303, foreign.statusCode(), foreign.body());
      assertEquals("outcome=unknown_state", landing(foreign).getRawQuery());
      assertEquals("DISCONNECTED", status(account).getString("state"));

      HttpResponse<String> back = browse(callback(query));
      assertEquals(303, back.statusCode(), back.body());
      URI settings = landing(back);
      assertEquals("outcome=connected", settings.getRawQuery(), settings.toString());
      assertTrue(settings.getPath().endsWith(SETTINGS_PAGE), settings.toString());
      assertEquals("CONNECTED", status(account).getString("state"));

      HttpResponse<String> again = browse(callback(query));
      assertEquals(303, again.statusCode());
      assertEquals("outcome=unknown_state", landing(again).getRawQuery(), "a state works once");

      api().awaitHistory(admin);
      Set<String> oracle = new TreeSet<>(sim.oracle().qualifyingNewestFirst());
      assertEquals(oracle, TestDatabase.documentIds(account));
      JsonObject first = onlyRun(account, "FIRST");
      assertEquals("COMPLETED", first.getString("state"), first.toString());
      assertEquals(oracle.size(), first.getJsonNumber("kept").longValue(), first.toString());

      // Last, as the browser goes on: the Location is the page the WAR serves.
      assertEquals(
          SETTINGS_PAGE,
          settings.getPath(),
          "the redirect must lead to the settings page the WAR serves, not " + settings);
      HttpResponse<String> page = browse(settings);
      assertEquals(200, page.statusCode(), settings + " answered " + page.statusCode());
      assertTrue(
          page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
          page.headers().toString());
      // The admin's page; it explains the outcome in the browser (SettingsPageIT drives that).
      assertTrue(page.body().contains("<title>Intercom · Integrations · Settings"), page.body());
    }
  }

  @Test
  void disconnecting_keeps_the_data_and_reconnecting_the_same_workspace_resumes_with_new_changes()
      throws Exception {
    try (IntercomSimulator sim = simulator(152, 300)) {
      String account = newAccount(Plan.START);
      String admin = admin(account);
      connectByScript(sim, admin);
      api().awaitHistory(admin);
      Set<String> synced = TestDatabase.documentIds(account);
      assertEquals(new TreeSet<>(sim.oracle().qualifyingNewestFirst()), synced);

      assertEquals(204, disconnect(admin, false));
      assertEquals("DISCONNECTED", status(account).getString("state"));
      assertEquals(synced, TestDatabase.documentIds(account), "disconnecting kept the documents");

      HttpResponse<String> back = browse(callback(api().allow(sim, api().beginConnect(admin))));
      assertEquals(303, back.statusCode(), back.body());
      assertEquals("outcome=connected", landing(back).getRawQuery());
      assertEquals("CONNECTED", status(account).getString("state"));
      awaitNoRunningSync(account); // the sync the reconnect started

      String fresh = sim.newConversation("customer");
      JsonObject run = awaitRun(account, syncNow(admin));
      assertEquals("COMPLETED", run.getString("state"), run.toString());
      assertEquals("HOURLY", run.getString("kind"), "the same workspace resumes: " + run);
      Set<String> now = TestDatabase.documentIds(account);
      assertTrue(now.contains(fresh), "the new conversation was synced");
      assertTrue(now.containsAll(synced), "the documents from before are all still there");
      assertEquals(new TreeSet<>(sim.oracle().qualifyingNewestFirst()), now);
      assertEquals(
          1, runs(account, "FIRST"), "reconnecting the same workspace did not take history again");
      // Last: the history taken before the disconnect is still complete after the reconnect.
      assertTrue(
          status(account).getBoolean("historyComplete"),
          "reconnecting the same workspace keeps its complete history: " + status(account));
    }
  }

  @Test
  void another_workspace_starts_fresh_and_the_first_workspaces_documents_stay_as_they_were()
      throws Exception {
    String account = newAccount(Plan.PAID);
    String admin = admin(account);
    Set<String> first;
    try (IntercomSimulator sim = simulator(154, 300)) {
      connectByScript(sim, admin);
      api().awaitHistory(admin);
      first = new TreeSet<>(sim.oracle().qualifyingNewestFirst());
      assertEquals(first, documentsOf(account, "abc12345"));
      assertEquals(204, disconnect(admin, false));
    }
    try (IntercomSimulator other =
        IntercomSimulator.start(
            SimulatorConfig.defaults(155, 300)
                .withRatePerMinute(0)
                .withPort(SIM_PORT)
                .withWorkspaceIdentity("xyz98765", "Other SaaS"))) {
      Set<String> second = new TreeSet<>(other.oracle().qualifyingNewestFirst());
      Set<String> shared = new TreeSet<>(first);
      shared.retainAll(second);
      assertTrue(
          !shared.isEmpty(), "the two workspaces share conversation ids, which must not mix");

      JsonObject run = awaitRun(account, connectByScript(other, admin));
      assertEquals("COMPLETED", run.getString("state"), run.toString());
      assertEquals("FIRST", run.getString("kind"), "another workspace takes its history afresh");
      assertEquals(second, documentsOf(account, "xyz98765"), "the new workspace is complete");
      assertEquals(first, documentsOf(account, "abc12345"), "the first workspace's documents stay");
      assertEquals(
          0,
          single(
              "SELECT COUNT(*) FROM feedback_document WHERE account_id = ?"
                  + " AND workspace_id = 'abc12345' AND deleted_at IS NOT NULL",
              account),
          "nothing of the first workspace was tombstoned by the second");
      String created = other.newConversation("customer");
      JsonObject hourly = awaitRun(account, syncNow(admin));
      assertEquals("COMPLETED", hourly.getString("state"), hourly.toString());
      assertTrue(documentsOf(account, "xyz98765").contains(created), hourly.toString());
      assertEquals(first, documentsOf(account, "abc12345"), "and never updated again");
    }
  }

  /** The live documents of one workspace of the account, by conversation id. */
  private static Set<String> documentsOf(String account, String workspace) throws Exception {
    Set<String> ids = new TreeSet<>();
    try (Connection c = TestDatabase.connect();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT conversation_id FROM feedback_document WHERE account_id = ?"
                    + " AND workspace_id = ? AND deleted_at IS NULL")) {
      q.setString(1, account);
      q.setString(2, workspace);
      try (ResultSet rows = q.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }

  @Test
  void disconnecting_during_the_first_sync_cancels_it_and_nothing_is_written_after()
      throws Exception {
    try (IntercomSimulator sim = simulator(153, 400)) {
      sim.rateLimit(SLOW_RATE_PER_MINUTE);
      String account = newAccount(Plan.START);
      String admin = admin(account);
      String firstRun = connectByScript(sim, admin);
      awaitSomeDocuments(account);
      assertEquals(
          "RUNNING",
          ApiClient.json(api().get("api/v1/integrations/intercom/runs/" + firstRun, admin))
              .getString("state"),
          "the first sync is still running when the admin disconnects");

      assertEquals(204, disconnect(admin, false));
      long rowsAtDisconnect = syncedRows(account);
      long documentsAtDisconnect = count("feedback_document", account);
      // Unpaced from here, the run would race through the rest if nothing stopped it.
      sim.rateLimit(0);

      JsonObject run = awaitRun(account, firstRun);
      assertEquals("CANCELLED", run.getString("state"), run.toString());
      Thread.sleep(3_000);
      assertEquals(
          rowsAtDisconnect,
          syncedRows(account),
          "no document, profile or file was written after the disconnect");
      assertTrue(
          documentsAtDisconnect < sim.oracle().qualifyingNewestFirst().size(),
          "the disconnect came mid-sync: " + documentsAtDisconnect + " documents");
      assertEquals("DISCONNECTED", status(account).getString("state"));
      assertEquals(0, count("intercom_connection", account), "the connection stays gone");
    }
  }

  @Test
  void purging_deletes_every_row_the_account_had_synced() throws Exception {
    // The workspace SyncOnLibertyIT shows to bring files along.
    try (IntercomSimulator sim = simulator(8, 400)) {
      String account = newAccount(Plan.START);
      String admin = admin(account);
      connectByScript(sim, admin);
      api().awaitHistory(admin);
      List<String> tables =
          List.of(
              "feedback_document",
              "customer_profile",
              "document_file",
              "sync_checkpoint",
              "intercom_connection");
      for (String table : tables) {
        assertTrue(count(table, account) > 0, "before the purge the account has " + table);
      }

      assertEquals(204, disconnect(admin, true));

      for (String table : tables) {
        assertEquals(0, count(table, account), "after the purge no row of " + table);
      }
      assertEquals("DISCONNECTED", status(account).getString("state"));
    }
  }

  @Test
  void purging_during_a_first_sync_leaves_nothing_behind() throws Exception {
    try (IntercomSimulator sim = simulator(8, 400)) {
      sim.rateLimit(SLOW_RATE_PER_MINUTE);
      String account = newAccount(Plan.START);
      String admin = admin(account);
      String firstRun = connectByScript(sim, admin);
      awaitSomeDocuments(account);

      assertEquals(204, disconnect(admin, true));
      // Unpaced from here, the run would race through the rest if nothing stopped it.
      sim.rateLimit(0);
      JsonObject run = awaitRun(account, firstRun);
      assertEquals("CANCELLED", run.getString("state"), run.toString());
      Thread.sleep(3_000);

      for (String table :
          List.of(
              "feedback_document",
              "customer_profile",
              "document_file",
              "sync_checkpoint",
              "intercom_connection")) {
        assertEquals(0, count(table, account), "after a purge mid-sync no row of " + table);
      }
    }
  }

  @Test
  void a_failed_sync_leaves_its_error_and_the_next_good_run_clears_it() throws Exception {
    try (IntercomSimulator sim = simulator(154, 200)) {
      String account = newAccount(Plan.START);
      String admin = admin(account);
      connectByScript(sim, admin);
      api().awaitHistory(admin);

      sim.faultProbability("POST /conversations/search", 1.0, List.of(Fault.HTTP_503), 0);
      JsonObject failed = awaitRun(account, syncNow(admin));
      assertEquals("FAILED", failed.getString("state"), failed.toString());
      JsonObject broken = status(account);
      assertEquals("CONNECTED", broken.getString("state"));
      assertTrue(
          text(broken, "lastError").contains("after several tries"),
          "the failure is shown: " + broken);

      sim.clearFaults();
      JsonObject good = awaitRun(account, syncNow(admin));
      assertEquals("COMPLETED", good.getString("state"), good.toString());
      JsonObject healed = status(account);
      assertEquals("", text(healed, "lastError"), "a good run clears the last error: " + healed);
    }
  }

  @Test
  void intercom_failing_while_connecting_is_a_502_problem_for_scripts_and_an_outcome_for_browsers()
      throws Exception {
    try (IntercomSimulator sim = simulator(155, 100)) {
      String account = newAccount(Plan.START);
      String admin = admin(account);
      sim.faultProbability("POST /auth/eagle/token", 1.0, List.of(Fault.HTTP_503), 0);

      HttpResponse<String> script =
          api()
              .get(
                  "api/v1/integrations/intercom/callback?"
                      + api().allow(sim, api().beginConnect(admin)),
                  admin);
      assertEquals(502, script.statusCode(), script.body());
      assertEquals(
          "application/problem+json", script.headers().firstValue("Content-Type").orElse(""));
      assertTrue(script.body().contains("\"status\":502"), script.body());

      HttpResponse<String> back = browse(callback(api().allow(sim, api().beginConnect(admin))));
      assertEquals(303, back.statusCode(), back.body());
      assertEquals("outcome=intercom_unavailable", landing(back).getRawQuery());
      assertEquals("DISCONNECTED", status(account).getString("state"));
      sim.clearFaults();
    }
  }

  @Test
  void a_reconnect_during_a_sync_is_not_undone_by_the_run_that_started_before_it()
      throws Exception {
    try (IntercomSimulator sim = simulator(156, 400)) {
      sim.rateLimit(SLOW_RATE_PER_MINUTE);
      String account = newAccount(Plan.START);
      String admin = admin(account);
      String firstRun = connectByScript(sim, admin);
      awaitSomeDocuments(account);
      long oldGrant = grant(account);

      HttpResponse<String> back = browse(callback(api().allow(sim, api().beginConnect(admin))));
      assertEquals(303, back.statusCode(), back.body());
      assertEquals("outcome=connected", landing(back).getRawQuery());
      long newGrant = grant(account);
      assertNotEquals(oldGrant, newGrant, "a connect draws a new grant");
      sim.rateLimit(0);

      JsonObject old = awaitRun(account, firstRun);
      assertEquals("CANCELLED", old.getString("state"), "the run of the old grant: " + old);
      // The reconnect found the old run holding the account; "sync now" resumes the first sync.
      JsonObject resumed = awaitRun(account, syncNow(admin));
      assertEquals("COMPLETED", resumed.getString("state"), resumed.toString());
      awaitNoRunningSync(account);

      assertEquals(newGrant, grant(account), "the connection is still the newer one");
      JsonObject status = status(account);
      assertEquals("CONNECTED", status.getString("state"));
      assertTrue(status.getBoolean("historyComplete"), status.toString());
      assertEquals("", text(status, "lastError"), status.toString());
      assertEquals(
          new TreeSet<>(sim.oracle().qualifyingNewestFirst()), TestDatabase.documentIds(account));
    }
  }

  // ---- helpers -----------------------------------------------------------------------------

  private static IntercomSimulator simulator(long seed, int conversations) {
    return IntercomSimulator.start(
        SimulatorConfig.defaults(seed, conversations).withRatePerMinute(0).withPort(SIM_PORT));
  }

  private String newAccount(Plan plan) throws Exception {
    String account = "life-" + UUID.randomUUID().toString().substring(0, 8);
    api().createAccount(account, "Life cycle IT", plan);
    return account;
  }

  private static String admin(String account) {
    return AdminTokens.token("ada", account, "admin");
  }

  private ApiClient api() throws Exception {
    return new ApiClient(base, cookies);
  }

  private URI callback(String query) throws Exception {
    return api().uri("api/v1/integrations/intercom/callback?" + query);
  }

  /** A GET as the admin's browser makes it: no token, redirects not followed. */
  private HttpResponse<String> browse(URI uri) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(uri).header("Accept", BROWSER_ACCEPT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Where a 303 sends the browser, resolved as the browser resolves it. */
  private URI landing(HttpResponse<String> redirect) {
    String location =
        redirect
            .headers()
            .firstValue("Location")
            .orElseThrow(() -> new AssertionError("no Location: " + redirect.headers()));
    return redirect.uri().resolve(location);
  }

  /** Connects as a script does (bearer token on the callback); returns the first sync's run id. */
  private String connectByScript(IntercomSimulator sim, String admin) throws Exception {
    HttpResponse<String> connected =
        api()
            .get(
                "api/v1/integrations/intercom/callback?"
                    + api().allow(sim, api().beginConnect(admin)),
                admin);
    assertEquals(200, connected.statusCode(), connected.body());
    String run = ApiClient.json(connected).getString("firstSyncRun", null);
    assertNotNull(run, "the connect started the first sync: " + connected.body());
    return run;
  }

  private JsonObject status(String account) throws Exception {
    HttpResponse<String> status =
        api().get("api/v1/integrations/intercom", AdminTokens.token("bo", account, "member"));
    assertEquals(200, status.statusCode(), status.body());
    return ApiClient.json(status);
  }

  /** A string member, or "" when it is null or left out. */
  private static String text(JsonObject json, String name) {
    return json.containsKey(name) && !json.isNull(name) ? json.getString(name) : "";
  }

  private int disconnect(String admin, boolean purge) throws Exception {
    return api()
        .send("DELETE", "api/v1/integrations/intercom?purge=" + purge, admin, null)
        .statusCode();
  }

  /** "Sync now" once the account's lease is free; returns the run id. */
  private String syncNow(String admin) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      HttpResponse<String> sync =
          api().send("POST", "api/v1/integrations/intercom/sync", admin, null);
      if (sync.statusCode() == 202) {
        return ApiClient.json(sync).getString("runId");
      }
      assertEquals(409, sync.statusCode(), sync.body());
      assertTrue(System.nanoTime() < deadline, "the running sync never let go: " + sync.body());
      Thread.sleep(200);
    }
  }

  /** The run once it has ended. */
  private JsonObject awaitRun(String account, String runId) throws Exception {
    String token = AdminTokens.token("bo", account, "member");
    long deadline = System.nanoTime() + 120_000_000_000L;
    JsonObject run = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> found = api().get("api/v1/integrations/intercom/runs/" + runId, token);
      assertEquals(200, found.statusCode(), found.body());
      run = ApiClient.json(found);
      if (!run.getString("state").equals("RUNNING")) {
        return run;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("run " + runId + " did not end within two minutes: " + run);
  }

  /** The account's only run of this kind. */
  private JsonObject onlyRun(String account, String kind) throws Exception {
    HttpResponse<String> all =
        api()
            .get(
                "api/v1/integrations/intercom/runs?limit=100",
                AdminTokens.token("bo", account, "member"));
    assertEquals(200, all.statusCode(), all.body());
    try (JsonReader reader = Json.createReader(new StringReader(all.body()))) {
      List<JsonObject> ofKind =
          reader.readArray().getValuesAs(JsonObject.class).stream()
              .filter(r -> r.getString("kind").equals(kind))
              .toList();
      assertEquals(1, ofKind.size(), all.body());
      return ofKind.get(0);
    }
  }

  private static void awaitSomeDocuments(String account) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (count("feedback_document", account) == 0) {
      assertTrue(System.nanoTime() < deadline, account + ": the first sync stored nothing");
      Thread.sleep(100);
    }
  }

  private static void awaitNoRunningSync(String account) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (runningSyncs(account) > 0) {
      assertTrue(System.nanoTime() < deadline, account + ": a sync never ended");
      Thread.sleep(200);
    }
  }

  /** Documents, profiles and files of the account: what a sync writes. */
  private static long syncedRows(String account) throws Exception {
    return count("feedback_document", account)
        + count("customer_profile", account)
        + count("document_file", account);
  }

  private static long grant(String account) throws Exception {
    return single("SELECT grant_id FROM intercom_connection WHERE account_id = ?", account);
  }

  private static long runs(String account, String kind) throws Exception {
    return single(
        "SELECT COUNT(*) FROM sync_run WHERE account_id = ? AND kind = '" + kind + "'", account);
  }

  private static long runningSyncs(String account) throws Exception {
    return single(
        "SELECT COUNT(*) FROM sync_run WHERE account_id = ? AND state = 'RUNNING'", account);
  }

  /** Rows of a table that belong to the account. */
  private static long count(String table, String account) throws Exception {
    return single("SELECT COUNT(*) FROM " + table + " WHERE account_id = ?", account);
  }

  private static long single(String sql, String account) throws Exception {
    try (Connection c = TestDatabase.connect();
        PreparedStatement q = c.prepareStatement(sql)) {
      q.setString(1, account);
      try (ResultSet rows = q.executeQuery()) {
        assertTrue(rows.next(), sql + " found no row for " + account);
        return rows.getLong(1);
      }
    }
  }
}
