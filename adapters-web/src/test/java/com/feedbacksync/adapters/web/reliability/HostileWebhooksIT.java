package com.feedbacksync.adapters.web.reliability;

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
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an unauthenticated or replaying sender can do to the webhook receiver: a 2 GB post (streamed
 * from a generator, never held by the test either) is refused with 413 while the server stays
 * healthy under its heap limit (-Xmx512m); a captured signed notification delivered five times
 * re-syncs its conversation once (retrieves counted at the simulator), as one WEBHOOK run; a stale
 * one is refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileWebhooksIT {

  private static final long TWO_GB = 2L << 30;
  private static final String RETRIEVE = "GET /conversations/{id}";

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive war() {
    return ItDeployments.war("feedback-sync-webhooks-it.war");
  }

  @Test
  void a_2_gb_post_is_refused_with_413_and_the_server_stays_healthy() throws Exception {
    List<String> rows = new ArrayList<>();
    for (boolean declared : new boolean[] {true, false}) {
      long started = System.nanoTime();
      Refusal refusal = post2Gb(declared);
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertEquals(413, refusal.status(), refusal.toString());
      assertTrue(refusal.sent() < 64L << 20, "refused early, not after reading: " + refusal);
      rows.add(
          String.format(
              "  2 GB webhook, %-13s -> %d after %,d bytes sent, %d ms",
              declared ? "Content-Length" : "chunked", refusal.status(), refusal.sent(), ms));
    }
    // Over the receiver's 1 MiB but under Liberty's own limit: the receiver refuses it, as a
    // problem.
    HttpResponse<String> big = signed(new byte[(1 << 20) + 1]);
    assertEquals(413, big.statusCode(), big.body());
    assertTrue(
        big.headers().firstValue("Content-Type").orElse("").startsWith("application/problem"));
    HttpClient http = HttpClient.newHttpClient();
    for (String health : List.of("health/live", "health/ready")) {
      assertEquals(
          200,
          http.send(
                  HttpRequest.newBuilder(base.toURI().resolve("/" + health)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode(),
          health);
    }
    Path log =
        Path.of(
            "target/liberty/wlp/usr/servers/" + ItDeployments.serverName() + "/logs/messages.log");
    assertFalse(
        Files.readString(log, StandardCharsets.ISO_8859_1).contains("OutOfMemoryError"),
        "no OutOfMemoryError in the server's log");
    rows.add("  after them: live and ready, no OutOfMemoryError (heap limit -Xmx512m)");
    System.out.println("\nhostile webhooks:\n" + String.join("\n", rows));
  }

  @Test
  void the_same_signed_webhook_delivered_five_times_re_syncs_once() throws Exception {
    ApiClient api = new ApiClient(base);
    int port = Integer.parseInt(System.getProperty("it.simulator.port", "9189"));
    String account = "replay-" + UUID.randomUUID().toString().substring(0, 8);
    // A workspace of its own: a webhook re-syncs every account connected to its workspace, and the
    // accounts other test classes left connected to the simulator's default one would be counted.
    try (IntercomSimulator sim =
        IntercomSimulator.start(
            SimulatorConfig.defaults(61, 40)
                .withWorkspaceIdentity("ws-" + account, "Replay")
                .withRatePerMinute(0)
                .withPort(port))) {
      api.createAccount(account, "Replay", Plan.PAID);
      String admin = AdminTokens.token("ada", account, "admin");
      // The deployment's start-up tick (5 s after the WAR starts) would find this account due for
      // an hourly sync and retrieve the replied conversation too: let it pass first.
      Thread.sleep(6_000);
      api.connectAndAwaitHistory(sim, admin);
      awaitNoRunning(account);
      awaitQuiet(sim); // no call of the first sync still in flight when the count starts
      String conversation = sim.oracle().qualifyingNewestFirst().get(2);
      sim.customerReplies(conversation);
      byte[] captured =
          notification(sim, "notif_" + UUID.randomUUID(), Instant.now(), conversation);
      long before = sim.counters().calls(RETRIEVE);

      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        statuses.add(signed(captured).statusCode());
      }
      assertEquals(List.of(202, 200, 200, 200, 200), statuses, "queued once, then duplicates");
      awaitWebhookRuns(account, 1);
      awaitQuiet(sim);
      long retrieves = sim.counters().calls(RETRIEVE) - before;
      assertEquals(1, retrieves, "five deliveries, one retrieve");
      assertEquals(1, count(account, "kind = 'WEBHOOK'"), "one WEBHOOK run");

      byte[] stale =
          notification(
              sim,
              "notif_" + UUID.randomUUID(),
              Instant.now().minusSeconds(25 * 3600),
              conversation);
      HttpResponse<String> refused = signed(stale);
      assertEquals(400, refused.statusCode(), refused.body());
      assertTrue(refused.body().contains("24 hours"), refused.body());
      Thread.sleep(500);
      assertEquals(before + 1, sim.counters().calls(RETRIEVE), "a stale one fetches nothing");

      Set<String> expected = new TreeSet<>(sim.oracle().qualifyingNewestFirst());
      Set<String> stored = TestDatabase.documentIds(account);
      long lost = expected.stream().filter(id -> !stored.contains(id)).count();
      long extra = stored.stream().filter(id -> !expected.contains(id)).count();
      int blocked = count(account, "state = 'RUNNING'") > 0 ? 1 : 0;
      System.out.printf(
          "%n  %-26s runs %2d  lost %d  duplicated %d  extra %d  blocked %d  (retrieves %d)%n",
          "same webhook x5", count(account, "1 = 1"), lost, 0, extra, blocked, retrieves);
      assertEquals(0, lost);
      assertEquals(0, extra);
      assertEquals(0, blocked);
    }
  }

  private record Refusal(int status, long sent) {}

  /**
   * Posts 2 GB of generated bytes over a plain socket, declared or chunked, while reading the
   * answer; stops sending as soon as the server answered or closed.
   */
  private Refusal post2Gb(boolean declared) throws Exception {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/webhooks/intercom HTTP/1.1\r\nHost: localhost\r\n"
                  + "Content-Type: application/json\r\nX-Hub-Signature: sha1="
                  + "0".repeat(40)
                  + "\r\n"
                  + (declared
                      ? "Content-Length: " + TWO_GB + "\r\n"
                      : "Transfer-Encoding: chunked\r\n")
                  + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      CompletableFuture<String> statusLine = CompletableFuture.supplyAsync(() -> firstLine(in));
      byte[] chunk = new byte[64 << 10];
      Arrays.fill(chunk, (byte) 'x');
      byte[] chunkHead = (Integer.toHexString(chunk.length) + "\r\n").getBytes();
      long sent = 0;
      try {
        while (sent < TWO_GB && !statusLine.isDone()) {
          if (!declared) {
            out.write(chunkHead);
          }
          out.write(chunk);
          if (!declared) {
            out.write("\r\n".getBytes());
          }
          sent += chunk.length;
        }
      } catch (IOException closedByServer) {
        // The server stopped reading and closed: the answer is what counts.
      }
      String line = statusLine.get(60, TimeUnit.SECONDS);
      return new Refusal(Integer.parseInt(line.split(" ")[1]), sent);
    }
  }

  private static String firstLine(InputStream in) {
    StringBuilder line = new StringBuilder();
    try {
      for (int c; (c = in.read()) != -1 && c != '\n'; ) {
        line.append((char) c);
      }
    } catch (IOException e) {
      throw new IllegalStateException("no answer: " + e, e);
    }
    return line.toString().strip();
  }

  private HttpResponse<String> signed(byte[] body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(base.toURI().resolve("/api/v1/webhooks/intercom"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature", new WebhookSignature("sim-client-secret").sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** Intercom's envelope for a customer's reply, as the tests capture one. */
  private static byte[] notification(
      IntercomSimulator sim, String id, Instant createdAt, String conversation) {
    return ("{\"type\":\"notification_event\",\"id\":\""
            + id
            + "\",\"topic\":\"conversation.user.replied\",\"app_id\":\""
            + sim.config().appId()
            + "\",\"created_at\":"
            + createdAt.getEpochSecond()
            + ",\"data\":{\"type\":\"notification_event_data\",\"item\":{\"type\":\"conversation\","
            + "\"id\":\""
            + conversation
            + "\"}}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void awaitWebhookRuns(String account, int n) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (count(account, "kind = 'WEBHOOK' AND state = 'COMPLETED'") < n) {
      assertTrue(System.nanoTime() < deadline, "no completed WEBHOOK run");
      Thread.sleep(100);
    }
  }

  private static void awaitNoRunning(String account) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (count(account, "state = 'RUNNING'") > 0) {
      assertTrue(System.nanoTime() < deadline, "a run never ended");
      Thread.sleep(100);
    }
  }

  /** The simulator answered no call for a second: the server's background work is over. */
  private static void awaitQuiet(IntercomSimulator sim) throws Exception {
    long calls = -1;
    while (calls != sim.counters().apiCalls()) {
      calls = sim.counters().apiCalls();
      Thread.sleep(1_000);
    }
  }

  private static int count(String account, String where) throws Exception {
    try (var c = TestDatabase.connect();
        PreparedStatement q =
            c.prepareStatement("SELECT COUNT(*) FROM sync_run WHERE account_id = ? AND " + where)) {
      q.setString(1, account);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
