package com.feedbacksync.adapters.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.adapters.web.support.AdminTokens;
import com.feedbacksync.adapters.web.support.ApiClient;
import com.feedbacksync.adapters.web.support.ItDeployments;
import com.feedbacksync.adapters.web.support.Metrics;
import com.feedbacksync.adapters.web.support.TestDatabase;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.simulator.Faults.Fault;
import com.feedbacksync.simulator.IntercomSimulator;
import com.feedbacksync.simulator.SimulatorConfig;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The integration endpoints over HTTP, as the research repository's frontend calls them: connect
 * through OAuth against the simulator, watch the first sync finish, refuse what must be refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IntegrationApiIT {

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive war() {
    return ItDeployments.war("feedback-sync-integration-it.war");
  }

  @Test
  void an_admin_connects_through_oauth_and_the_first_sync_stores_the_oracles_documents()
      throws Exception {
    int port = Integer.parseInt(System.getProperty("it.simulator.port", "9189"));
    try (IntercomSimulator sim =
        IntercomSimulator.start(
            SimulatorConfig.defaults(12, 300).withRatePerMinute(0).withPort(port))) {
      String account = "api-" + UUID.randomUUID().toString().substring(0, 8);
      Accounts census = settledAccounts();
      api().createAccount(account, "Api IT", Plan.START);
      awaitAccounts(
          "the new account counts as disconnected",
          a -> a.disconnected() == census.disconnected() + 1 && a.live() == census.live());
      String admin = AdminTokens.token("ada", account, "admin");
      Metrics before = Metrics.scrape(base);
      // The connect's access probe searches once; Intercom answers the first sync's first search
      // with a 429, which the sync waits out and the metrics count.
      sim.faultScript("POST /conversations/search", List.of(Fault.NONE, Fault.HTTP_429), 0);

      assertTrue(
          get("api/v1/integrations/intercom", admin).body().contains("\"state\":\"DISCONNECTED\""));
      String state = api().beginConnect(admin);

      // The admin clicks Allow on Intercom's consent page; Intercom redirects back with a code.
      String query = api().allow(sim, state);

      assertEquals(
          400,
          get(
                  "api/v1/integrations/intercom/callback?" + query,
                  AdminTokens.token("mallory", account, "admin"))
              .statusCode(),
          "another admin cannot finish it (and the state is used up)");
      // Start again, and finish it as the admin who started.
      String query2 = api().allow(sim, api().beginConnect(admin));
      HttpResponse<String> callback = get("api/v1/integrations/intercom/callback?" + query2, admin);
      assertEquals(200, callback.statusCode(), callback.body());
      assertTrue(callback.body().contains("\"state\":\"CONNECTED\""), callback.body());
      awaitAccounts(
          "connected: one account more is live, one fewer disconnected",
          a -> a.disconnected() == census.disconnected() && a.live() == census.live() + 1);
      assertEquals(
          400,
          get("api/v1/integrations/intercom/callback?" + query2, admin).statusCode(),
          "a state works once");

      api().awaitHistory(AdminTokens.token("bo", account, "member"));
      assertEquals(
          new TreeSet<>(sim.oracle().qualifyingNewestFirst()), TestDatabase.documentIds(account));
      metricsMoved(before, account, sim.oracle().qualifyingNewestFirst().size());

      assertEquals(
          403,
          send(
                  "POST",
                  "api/v1/integrations/intercom/sync",
                  AdminTokens.token("bo", account, "member"))
              .statusCode(),
          "a member may read, not act");
      Accounts synced = lagTakeOverAndPacingMoved(sim, account, admin);
      assertEquals(
          204, send("DELETE", "api/v1/integrations/intercom?purge=true", admin).statusCode());
      assertTrue(
          get("api/v1/integrations/intercom", admin).body().contains("\"state\":\"DISCONNECTED\""));
      awaitAccounts(
          "disconnected again, and a disconnected account lags no more",
          a ->
              a.disconnected() == census.disconnected() + 1
                  && a.live() == census.live()
                  && a.lagging() == synced.lagging());
    }
  }

  /**
   * The first sync, its 429 and an unsigned webhook each moved their counters; no account is named.
   * Deltas, not values: other tests of the same server count too.
   */
  private void metricsMoved(Metrics before, String account, int documents) throws Exception {
    Map<String, String> firstCompleted = Map.of("kind", "FIRST", "outcome", "COMPLETED");
    Metrics after = Metrics.scrape(base);
    long deadline = System.nanoTime() + 30_000_000_000L;
    // The run ends (and is counted) just after its last commit made the history complete.
    while (delta(before, after, "feedbacksync_runs_total", firstCompleted) < 1
        && System.nanoTime() < deadline) {
      Thread.sleep(250);
      after = Metrics.scrape(base);
    }
    assertEquals(1, delta(before, after, "feedbacksync_runs_total", firstCompleted), after.ours());
    assertEquals(
        1,
        delta(before, after, "feedbacksync_run_duration_seconds_count", Map.of("kind", "FIRST")),
        after.ours());
    assertTrue(
        delta(before, after, "feedbacksync_documents_written_total", Map.of("kind", "FIRST"))
            >= documents,
        "at least the " + documents + " documents of the first sync:\n" + after.ours());
    Map<String, String> search = Map.of("endpoint", "conversation_search");
    assertTrue(
        delta(before, after, "feedbacksync_intercom_calls_total", search) >= 2,
        "the refused search and its retry:\n" + after.ours());
    assertEquals(
        1, delta(before, after, "feedbacksync_intercom_rate_limited_total", search), after.ours());
    assertEquals(
        0,
        delta(before, after, "feedbacksync_intercom_pacing_wait_seconds_count", Map.of()),
        "without a rate limit nothing was paced, and a 429's wait is not pacing:\n" + after.ours());
    assertTrue(
        delta(
                before,
                after,
                "feedbacksync_intercom_calls_total",
                Map.of("endpoint", "conversation"))
            >= documents,
        after.ours());

    HttpResponse<String> unsigned =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(api().uri("api/v1/webhooks/intercom"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(401, unsigned.statusCode());
    Metrics afterWebhook = Metrics.scrape(base);
    assertEquals(
        1,
        delta(
            after,
            afterWebhook,
            "feedbacksync_webhook_deliveries_total",
            Map.of("outcome", "bad_signature")),
        afterWebhook.ours());
    assertFalse(afterWebhook.text().contains(account), "no account id in any label");
  }

  /**
   * The account connected three hours ago and last synced then: it lags. A server that stopped left
   * its lease to expire: "sync now" takes it over. Intercom allows one call per 10-second window:
   * the sync's second call waits for the next one. Returns the gauges from before it lagged.
   */
  private Accounts lagTakeOverAndPacingMoved(IntercomSimulator sim, String account, String admin)
      throws Exception {
    // Leftover connections of other tests may leave the lagging ones (the scheduler's first tick
    // finds their tokens refused): the count is taken again just before.
    Accounts synced = settledAccounts();
    arrange(
        account,
        "UPDATE intercom_connection SET connected_at = connected_at - INTERVAL 3 HOUR"
            + " WHERE account_id = ?",
        "UPDATE sync_run SET started_at = started_at - INTERVAL 3 HOUR,"
            + " finished_at = finished_at - INTERVAL 3 HOUR WHERE account_id = ?");
    awaitAccounts("no success for three hours", a -> a.lagging() == synced.lagging() + 1);

    arrange(
        account,
        "UPDATE sync_lease SET owner = 'stopped-server', fence = fence + 1,"
            + " expires_at = NOW(6) - INTERVAL 1 SECOND WHERE account_id = ?");
    sim.rateLimit(6);
    Metrics before = Metrics.scrape(base);
    assertEquals(202, send("POST", "api/v1/integrations/intercom/sync", admin).statusCode());
    Metrics after = Metrics.scrape(base);
    assertEquals(
        1, delta(before, after, "feedbacksync_lease_takeovers_total", Map.of()), after.ours());
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (delta(before, after, "feedbacksync_intercom_pacing_wait_seconds_count", Map.of()) < 1
        && System.nanoTime() < deadline) {
      Thread.sleep(250);
      after = Metrics.scrape(base);
    }
    assertTrue(
        delta(before, after, "feedbacksync_intercom_pacing_wait_seconds_count", Map.of()) >= 1,
        "a call waited for the next window:\n" + after.ours());
    assertTrue(
        delta(before, after, "feedbacksync_intercom_pacing_wait_seconds_sum", Map.of()) > 0,
        after.ours());
    assertEquals(
        1,
        delta(before, after, "feedbacksync_lease_takeovers_total", Map.of()),
        "the run's own lease, renewed, is never taken over:\n" + after.ours());
    return synced;
  }

  /** Arranges the account's rows as time and a stopped server would have left them. */
  private static void arrange(String account, String... updates) throws Exception {
    try (java.sql.Connection c = TestDatabase.connect()) {
      for (String update : updates) {
        try (java.sql.PreparedStatement statement = c.prepareStatement(update)) {
          statement.setString(1, account);
          assertTrue(statement.executeUpdate() > 0, update);
        }
      }
    }
  }

  /**
   * The account gauges of one scrape: disconnected accounts, live ones (connected or needing
   * reauthorization: accounts other tests left may move between those two), lagging ones.
   */
  private record Accounts(double disconnected, double live, double lagging) {
    static Accounts of(Metrics m) {
      return new Accounts(
          m.value("feedbacksync_accounts", Map.of("state", "DISCONNECTED")),
          m.value("feedbacksync_accounts", Map.of("state", "CONNECTED"))
              + m.value("feedbacksync_accounts", Map.of("state", "NEEDS_REAUTH")),
          m.value("feedbacksync_accounts_lagging", Map.of()));
    }
  }

  /** The gauges once a recount (every second in the ITs) has seen every change made so far. */
  private Accounts settledAccounts() throws Exception {
    awaitAccounts("a first count", a -> !Double.isNaN(a.disconnected()));
    Thread.sleep(1_500);
    return Accounts.of(Metrics.scrape(base));
  }

  private void awaitAccounts(String what, Predicate<Accounts> expected) throws Exception {
    long deadline = System.nanoTime() + 15_000_000_000L;
    Metrics now = Metrics.scrape(base);
    while (!expected.test(Accounts.of(now)) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      now = Metrics.scrape(base);
    }
    assertTrue(expected.test(Accounts.of(now)), what + ":\n" + now.ours());
  }

  private static double delta(Metrics before, Metrics after, String name, Map<String, String> l) {
    return after.value(name, l) - before.value(name, l);
  }

  @Test
  void a_forged_state_and_a_sync_without_connection_are_refused_as_problems() throws Exception {
    String account = "api-" + UUID.randomUUID().toString().substring(0, 8);
    api().createAccount(account, "Api IT", Plan.PAID);
    String admin = AdminTokens.token("ada", account, "admin");
    HttpResponse<String> forged =
        get("api/v1/integrations/intercom/callback?code=abc%3D&state=forged", admin);
    assertEquals(400, forged.statusCode());
    assertEquals(
        "application/problem+json", forged.headers().firstValue("Content-Type").orElse(""));
    HttpResponse<String> sync = send("POST", "api/v1/integrations/intercom/sync", admin);
    assertEquals(409, sync.statusCode());
    assertTrue(sync.body().contains("\"status\":409"), sync.body());
  }

  private ApiClient api() throws Exception {
    return new ApiClient(base);
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return api().get(path, token);
  }

  private HttpResponse<String> send(String method, String path, String token) throws Exception {
    return api().send(method, path, token, null);
  }
}
