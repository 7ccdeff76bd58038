package com.feedbacksync.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.simulator.IntercomSimulator;
import com.feedbacksync.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import java.util.stream.Stream;
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

  private static final Path WLP = Path.of("target/liberty/wlp").toAbsolutePath();
  private static final Path TEMPLATE = WLP.resolve("usr/servers/feedbackSyncIT");
  private static final Path WAR = Path.of("target/feedback-sync.war").toAbsolutePath();
  private static final int ACCOUNTS = 6;

  private record Twin(String name, int httpPort, int httpsPort) {
    URL url() throws IOException {
      return URI.create("http://localhost:" + httpPort + "/").toURL();
    }
  }

  private record RunRow(String runner, Instant startedAt, Instant finishedAt) {}

  @Test
  void two_servers_share_the_work_and_never_run_one_account_twice_at_once() throws Exception {
    int simPort = Integer.parseInt(System.getProperty("it.simulator.port", "9189"));
    List<Twin> twins =
        List.of(
            new Twin("feedbackSyncTwinA", 9183, 9445), new Twin("feedbackSyncTwinB", 9184, 9446));
    AdminTokens.publish();
    try (IntercomSimulator sim =
        IntercomSimulator.start(
            SimulatorConfig.defaults(33, 300).withRatePerMinute(0).withPort(simPort))) {
      CompletableFuture.allOf(
              twins.stream()
                  .map(t -> CompletableFuture.runAsync(() -> start(t, simPort)))
                  .toArray(CompletableFuture[]::new))
          .join();
      for (Twin t : twins) {
        awaitReady(t);
      }

      // Accounts connect through either server, like admins behind a load balancer.
      List<String> accounts = new ArrayList<>();
      for (int i = 0; i < ACCOUNTS; i++) {
        String account = "twin-" + UUID.randomUUID().toString().substring(0, 8);
        TestDatabase.insertAccount(account, "Twin " + i, "PAID");
        accounts.add(account);
        ApiClient api = new ApiClient(twins.get(i % 2).url());
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
          for (Twin t : twins) {
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
      twins.forEach(TwoServersIT::stop);
    }
  }

  /** A copy of the ITs' server with the real WAR, its own ports, ticking every second. */
  private static void start(Twin twin, int simPort) {
    Path dir = WLP.resolve("usr/servers").resolve(twin.name());
    try {
      deleteTree(dir);
      for (String file : List.of("server.xml", "server.env", "jvm.options")) {
        Files.createDirectories(dir);
        Files.copy(TEMPLATE.resolve(file), dir.resolve(file));
      }
      copyTree(TEMPLATE.resolve("lib"), dir.resolve("lib"));
      copyTree(TEMPLATE.resolve("resources"), dir.resolve("resources"));
      Files.createDirectories(dir.resolve("dropins"));
      Files.copy(WAR, dir.resolve("dropins/feedback-sync.war"));
      ProcessBuilder pb =
          new ProcessBuilder(WLP.resolve("bin/server").toString(), "start", twin.name())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolveSibling(twin.name() + ".start.log").toFile());
      Map<String, String> env = pb.environment();
      env.put("HTTP_PORT", String.valueOf(twin.httpPort()));
      env.put("HTTPS_PORT", String.valueOf(twin.httpsPort()));
      env.put("DB_PORT", System.getProperty("db.port", "3316"));
      env.put("INTERCOM_BASE_URL", "http://127.0.0.1:" + simPort);
      env.put("FEEDBACKSYNC_SCHEDULER_INTERVAL_SECONDS", "1");
      env.put("FEEDBACKSYNC_TOKEN_KEYS", System.getenv("FEEDBACKSYNC_TOKEN_KEYS"));
      env.put(
          "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
          TEMPLATE.resolve("resources/security/jwt-public.pem").toString());
      int exit = pb.start().waitFor();
      assertEquals(0, exit, "server start " + twin.name() + " exited " + exit);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void stop(Twin twin) {
    try {
      new ProcessBuilder(WLP.resolve("bin/server").toString(), "stop", twin.name())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitReady(Twin twin) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + 120_000_000_000L;
    int status = 0;
    while (status != 200 && System.nanoTime() < deadline) {
      try {
        status =
            http.send(
                    HttpRequest.newBuilder(URI.create(twin.url() + "health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
      } catch (IOException notYet) {
        status = 0;
      }
      if (status != 200) {
        Thread.sleep(500);
      }
    }
    assertEquals(200, status, twin.name() + " is not ready");
  }

  private static int post(Twin twin, String path, String token) {
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

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
