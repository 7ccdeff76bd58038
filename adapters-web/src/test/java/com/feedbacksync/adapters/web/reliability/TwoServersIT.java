package com.feedbacksync.adapters.web.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.adapters.web.support.AdminTokens;
import com.feedbacksync.adapters.web.support.ApiClient;
import com.feedbacksync.adapters.web.support.LibertyServer;
import com.feedbacksync.adapters.web.support.TestDatabase;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.simulator.IntercomSimulator;
import com.feedbacksync.simulator.SimulatorConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Two Liberty servers on one database, as an operator runs them: both tick every second, admins
 * press "sync now" on both at once, and still no account's sync runs twice at the same time, both
 * servers take work, and every account ends with exactly the oracle's documents.
 *
 * <p>The servers are copies of the ITs' server (same runtime, libraries, configuration) with the
 * real WAR, started with Liberty's own {@code server} script, so this is the deployment an operator
 * makes, not a test double.
 */
class TwoServersIT {

  private static final int ACCOUNTS = 6;

  private record RunRow(String runner, Instant startedAt, Instant finishedAt) {}

  @Test
  void two_servers_share_the_work_and_never_run_one_account_twice_at_once() throws Exception {
    int simPort = Integer.parseInt(System.getProperty("it.simulator.port", "9189"));
    AdminTokens.publish();
    List<LibertyServer> twins = new ArrayList<>();
    try (IntercomSimulator sim =
        IntercomSimulator.start(
            SimulatorConfig.defaults(33, 300).withRatePerMinute(0).withPort(simPort))) {
      Map<String, String> env =
          Map.of(
              "INTERCOM_BASE_URL",
              "http://127.0.0.1:" + simPort,
              "FEEDBACKSYNC_SCHEDULER_INTERVAL_SECONDS",
              "1");
      List<CompletableFuture<LibertyServer>> starting =
          List.of(
              CompletableFuture.supplyAsync(
                  () ->
                      LibertyServer.start(
                          "feedbackSyncTwinA",
                          port("it.twin.a.http.port", 9183),
                          port("it.twin.a.https.port", 9445),
                          env)),
              CompletableFuture.supplyAsync(
                  () ->
                      LibertyServer.start(
                          "feedbackSyncTwinB",
                          port("it.twin.b.http.port", 9184),
                          port("it.twin.b.https.port", 9446),
                          env)));
      for (CompletableFuture<LibertyServer> s : starting) {
        twins.add(s.join());
      }
      for (LibertyServer t : twins) {
        t.awaitReady();
      }

      // Accounts connect through either server, like admins behind a load balancer.
      List<String> accounts = new ArrayList<>();
      for (int i = 0; i < ACCOUNTS; i++) {
        String account = "twin-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient api = new ApiClient(twins.get(i % 2).url());
        api.createAccount(account, "Twin " + i, Plan.PAID);
        accounts.add(account);
        String admin = AdminTokens.token("ada", account, "admin");
        String query = api.allow(sim, api.beginConnect(admin));
        assertEquals(
            200, api.get("api/v1/integrations/intercom/callback?" + query, admin).statusCode());
      }
      // Admins press "sync now" on both servers at the same moment, again and again.
      int accepted = 0;
      for (int round = 0; round < 12; round++) {
        List<CompletableFuture<Integer>> presses = new ArrayList<>();
        for (String account : accounts) {
          String admin = AdminTokens.token("ada", account, "admin");
          for (LibertyServer t : twins) {
            presses.add(
                CompletableFuture.supplyAsync(
                    () -> post(t, "api/v1/integrations/intercom/sync", admin)));
          }
        }
        for (CompletableFuture<Integer> p : presses) {
          int status = p.join();
          assertTrue(status == 202 || status == 409, "sync now answered " + status);
          accepted += status == 202 ? 1 : 0;
        }
        Thread.sleep(400);
      }
      for (String account : accounts) {
        new ApiClient(twins.get(0).url()).awaitHistory(AdminTokens.token("bo", account, "member"));
      }
      awaitNoRunning(accounts);

      Set<String> oracle = new TreeSet<>(sim.oracle().qualifyingNewestFirst());
      Map<String, List<RunRow>> runs = runs(accounts);
      Set<String> runners = new TreeSet<>();
      int total = 0;
      for (String account : accounts) {
        assertEquals(oracle, TestDatabase.documentIds(account), "documents of " + account);
        List<RunRow> rows = runs.get(account);
        rows.sort(Comparator.comparing(RunRow::startedAt));
        for (int i = 1; i < rows.size(); i++) {
          assertFalse(
              rows.get(i).startedAt().isBefore(rows.get(i - 1).finishedAt()),
              account + ": a run started before the previous one finished: " + rows);
        }
        rows.forEach(r -> runners.add(r.runner()));
        total += rows.size();
      }
      assertTrue(runners.size() >= 2, "both servers took work: " + runners);
      System.out.printf(
          "two servers: %d accounts, %d runs (%d by 'sync now'), runners %s, no overlap%n",
          ACCOUNTS, total, accepted, runners);
    } finally {
      twins.forEach(LibertyServer::close);
    }
  }

  /**
   * The twins' ports: the defaults, or a system property's, so builds on one machine can differ.
   */
  private static int port(String property, int fallback) {
    return Integer.parseInt(System.getProperty(property, String.valueOf(fallback)));
  }

  private static int post(LibertyServer twin, String path, String token) {
    try {
      return new ApiClient(twin.url()).send("POST", path, token, null).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitNoRunning(List<String> accounts) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (runs(accounts).values().stream()
          .flatMap(List::stream)
          .noneMatch(r -> r.finishedAt() == null)) {
        return;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("runs still running after two minutes");
  }

  private static Map<String, List<RunRow>> runs(List<String> accounts) throws SQLException {
    Map<String, List<RunRow>> runs = new HashMap<>();
    accounts.forEach(a -> runs.put(a, new ArrayList<>()));
    try (Connection c = TestDatabase.connect();
        var q =
            c.prepareStatement(
                "SELECT account_id, runner, started_at, finished_at FROM sync_run WHERE account_id"
                    + " IN ("
                    + String.join(",", accounts.stream().map(a -> "?").toList())
                    + ")")) {
      for (int i = 0; i < accounts.size(); i++) {
        q.setString(i + 1, accounts.get(i));
      }
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          Timestamp finished = rs.getTimestamp(4);
          runs.get(rs.getString(1))
              .add(
                  new RunRow(
                      rs.getString(2),
                      rs.getTimestamp(3).toInstant(),
                      finished == null ? null : finished.toInstant()));
        }
      }
    }
    return runs;
  }
}
