package com.feedbacksync.adapters.web.reliability;

import static com.feedbacksync.adapters.web.reliability.ReliabilityRows.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.adapters.web.support.AdminTokens;
import com.feedbacksync.adapters.web.support.ApiClient;
import com.feedbacksync.adapters.web.support.LibertyServer;
import com.feedbacksync.adapters.web.support.TestDatabase;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.simulator.Faults.Fault;
import com.feedbacksync.simulator.IntercomSimulator;
import com.feedbacksync.simulator.SimulatorConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One bad item never blocks its account, on the real server against the simulator: a conversation
 * whose answer is corrupt forever in a first sync of 400, one that answers 500 forever in an hourly
 * sync, a contact refused with 400. Each time the run completes, every other document is the
 * oracle's, the item is listed by {@code /integrations/intercom/skipped}, and once the fault is
 * gone the next run cures it. Last, a run that fails outright leaves one WARN line in the server's
 * JSON log naming it (and no token). Prints its rows in the reliability table's format.
 */
class FailureIsolationIT {

  private static final int SIM_PORT =
      Integer.parseInt(System.getProperty("it.simulator.port", "9189"));

  /**
   * Its own server, by default on the ports after the suite's (the suite's server stays up
   * meanwhile); {@code it.isolation.http.port} and {@code .https.port} move it elsewhere.
   */
  private static final int HTTP_PORT =
      Integer.getInteger("it.isolation.http.port", Integer.getInteger("it.http.port", 9186) + 1);

  private static final int HTTPS_PORT =
      Integer.getInteger("it.isolation.https.port", Integer.getInteger("it.https.port", 9448) + 1);

  /** How every access token the simulator issues begins ("tok:" in base64). */
  private static final String TOKEN_PREFIX = "dG9rOj";

  private final List<String> table = new ArrayList<>();

  @Test
  void one_unreadable_item_is_set_aside_listed_and_cured_while_its_account_syncs_on()
      throws Exception {
    AdminTokens.publish();
    Map<String, String> env =
        Map.of(
            "INTERCOM_BASE_URL", "http://127.0.0.1:" + SIM_PORT,
            "FEEDBACKSYNC_SCHEDULER_INTERVAL_SECONDS", "1",
            "FEEDBACKSYNC_SCHEDULER_LEASE_SECONDS", "30",
            // A dead letter is due again at once: the cure is the very next run, not an hour on.
            "FEEDBACKSYNC_SYNC_DEAD_LETTER_FIRST_RETRY_SECONDS", "0");
    try (LibertyServer server =
            LibertyServer.start("feedbackSyncIsolation", HTTP_PORT, HTTPS_PORT, env);
        IntercomSimulator sim =
            IntercomSimulator.start(
                SimulatorConfig.defaults(61, 400).withRatePerMinute(0).withPort(SIM_PORT))) {
      server.awaitReady();
      ApiClient api = new ApiClient(server.url());
      String account = firstSync(api, sim);
      listedCorrupt(api, sim);
      hourly(api, sim, account);
      contact(api, sim);
      files(api, sim);
      failedRunIsLogged(server, api, sim, account);
    } finally {
      System.out.println("\nfailure isolation:\n" + String.join("\n", table));
    }
  }

  /** A conversation whose answer carries an id over the limit, forever, in a first sync of 400. */
  private String firstSync(ApiClient api, IntercomSimulator sim) throws Exception {
    String poisoned = sim.oracle().qualifyingNewestFirst().get(10);
    sim.faultItem(poisoned, Fault.OVERLONG_ID);
    String account = connect(api, sim, "poison");
    api.awaitHistory(member(account));

    assertEquals(1, lastRun(api, account, "FIRST").getInt("unreadable"), "counted on the run");
    assertListed(api, account, poisoned, "CONVERSATION");
    record("first sync, 1 of 400 corrupt", account, sim, Set.of(poisoned));

    sim.clearFaults();
    cleanRun(api, account);
    assertNotListed(api, account, poisoned);
    record("  cured by the next run", account, sim, Set.of());
    return account;
  }

  /**
   * A conversation every search page shows corrupt (its own retrieve sound), in a first sync of
   * 400: the page is read without it, and its dead letter's retry stores it.
   */
  private void listedCorrupt(ApiClient api, IntercomSimulator sim) throws Exception {
    String poisoned = sim.oracle().qualifyingNewestFirst().get(15);
    sim.faultItem(poisoned, Fault.LISTED_CORRUPT);
    String account = connect(api, sim, "listing");
    api.awaitHistory(member(account));

    assertTrue(sim.counters().faultsInjected().getOrDefault("LISTED_CORRUPT", 0L) > 0, "injected");
    // Set aside by the first sync (counted on it); with a dead letter due again at once, the
    // next tick's run already retrieves it on its own, while every listing still shows it corrupt.
    assertEquals(1, lastRun(api, account, "FIRST").getInt("unreadable"), "counted on the run");
    cleanRun(api, account);
    assertNotListed(api, account, poisoned);
    record("first sync, 1 listed corrupt", account, sim, Set.of());
    sim.clearFaults();
  }

  /** A changed conversation that answers 500 on every attempt, in an hourly sync. */
  private void hourly(ApiClient api, IntercomSimulator sim, String account) throws Exception {
    String poisoned = sim.oracle().qualifyingNewestFirst().get(20);
    String beside = sim.oracle().qualifyingNewestFirst().get(21);
    java.sql.Timestamp before = updatedAt(account, poisoned);
    sim.customerReplies(poisoned);
    sim.customerReplies(beside);
    sim.faultItem(poisoned, Fault.HTTP_500);
    cleanRun(api, account);

    JsonObject run = lastRun(api, account, "HOURLY");
    assertEquals("COMPLETED", run.getString("state"));
    assertEquals(1, run.getInt("unreadable"));
    assertEquals(before, updatedAt(account, poisoned), "its stored copy stays as it was");
    assertTrue(updatedAt(account, beside).after(before), "the one beside it was re-synced");
    assertListed(api, account, poisoned, "CONVERSATION");
    record("hourly, 1 answers 500 forever", account, sim, Set.of());

    sim.clearFaults();
    cleanRun(api, account);
    assertNotListed(api, account, poisoned);
    assertTrue(updatedAt(account, poisoned).after(before), "cured: the reply is stored");
    record("  cured by the next run", account, sim, Set.of());
  }

  /** A document's author whose contact Intercom refuses (400), in a first sync. */
  private void contact(ApiClient api, IntercomSimulator sim) throws Exception {
    String anyAccount = connect(api, sim, "probe");
    api.awaitHistory(member(anyAccount));
    String author =
        single(
            String.class,
            "SELECT customer_contact_id FROM feedback_document WHERE account_id = ?"
                + " AND conversation_id = ?",
            anyAccount,
            sim.oracle().qualifyingNewestFirst().get(5));
    sim.faultItem(author, Fault.HTTP_400);
    String account = connect(api, sim, "contact");
    api.awaitHistory(member(account));

    assertListed(api, account, author, "CONTACT");
    assertEquals(0, profiles(account, author), "no profile yet");
    record("first sync, 1 contact refused", account, sim, Set.of());

    sim.clearFaults();
    cleanRun(api, account);
    assertNotListed(api, account, author);
    assertEquals(1, profiles(account, author), "cured: its profile is stored");
    record("  cured by the next run", account, sim, Set.of());
  }

  /** A 20 MB attachment is stored and served; a 40 MB one is recorded too large. */
  private void files(ApiClient api, IntercomSimulator sim) throws Exception {
    String big = sim.oracle().qualifyingNewestFirst().get(30);
    String huge = sim.oracle().qualifyingNewestFirst().get(31);
    String bigFile = sim.attachFile(big, 20 << 20);
    sim.attachFile(huge, 40 << 20);
    String account = connect(api, sim, "files");
    api.awaitHistory(member(account));

    long stored =
        single(
            Long.class,
            "SELECT MAX(size_bytes) FROM document_file WHERE account_id = ? AND conversation_id = ?",
            account,
            big);
    assertEquals(20 << 20, stored, "the 20 MB file is stored whole");
    JsonObject document = ApiClient.json(api.get("api/v1/documents/" + big, member(account)));
    String link =
        document.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
            .flatMap(m -> m.getJsonArray("attachments").getValuesAs(JsonObject.class).stream())
            .filter(f -> f.getString("name").equals("report-" + (20 << 20) + ".pdf"))
            .findFirst()
            .orElseThrow()
            .getString("url");
    var served = api.bytes(link.replaceFirst("^/", ""), member(account));
    assertEquals(200, served.statusCode());
    assertEquals(20 << 20, served.body().length, "and served whole");
    // The simulator's sized files: a PDF header, then 'a' + i % 26 at byte i. Stored and served in
    // 1 MiB pieces, which 26 does not divide: a piece lost, doubled or out of order shows.
    byte[] body = served.body();
    assertEquals("%PDF-1.4\n", new String(body, 0, 9, java.nio.charset.StandardCharsets.US_ASCII));
    for (int i = 9; i < body.length; i++) {
      if (body[i] != (byte) ('a' + i % 26)) {
        throw new AssertionError("byte " + i + " of the served file differs from Intercom's");
      }
    }
    assertEquals(
        20L,
        single(
            Long.class,
            "SELECT COUNT(*) FROM document_file_chunk WHERE account_id = ? AND conversation_id = ?",
            account,
            big),
        "stored in 1 MiB pieces");

    JsonObject tooLarge =
        ApiClient.json(api.get("api/v1/documents/" + huge, member(account)))
            .getJsonArray("messages")
            .getValuesAs(JsonObject.class)
            .stream()
            .flatMap(m -> m.getJsonArray("attachments").getValuesAs(JsonObject.class).stream())
            .filter(f -> f.getString("name").equals("report-" + (40 << 20) + ".pdf"))
            .findFirst()
            .orElseThrow();
    assertTrue(tooLarge.getBoolean("tooLarge"), tooLarge.toString());
    assertEquals(40 << 20, tooLarge.getJsonNumber("sizeBytes").longValue());
    assertTrue(tooLarge.getString("url").contains("/i/o/"), "Intercom's own link is kept");
    assertEquals(
        0,
        single(
                Long.class,
                "SELECT COUNT(*) FROM document_file WHERE account_id = ? AND conversation_id = ?"
                    + " AND size_bytes > 30000000",
                account,
                huge)
            .intValue());
    record("20 MB stored, 40 MB too large", account, sim, Set.of());
    assertTrue(bigFile.endsWith("-pdf"));
  }

  /**
   * A run that fails (Intercom refuses the hourly listing with 400) leaves one WARN line in the
   * server's JSON log with the account, kind, run id, reason and next attempt, and the run after it
   * one INFO line; no access token is anywhere in the logs. Last: the fault fails every account's
   * listing while it lasts.
   */
  private void failedRunIsLogged(
      LibertyServer server, ApiClient api, IntercomSimulator sim, String account) throws Exception {
    sim.faultProbability("POST /conversations/search", 1.0, List.of(Fault.HTTP_400), 0);
    Instant before = Instant.now();
    String failed = syncNow(api, account, "FAILED");
    sim.clearFaults();

    JsonObject warn = onlyLineOf(server, failed);
    assertEquals("WARNING", warn.getString("loglevel"), warn.toString());
    assertEquals("com.feedbacksync.runs", warn.getString("module"), warn.toString());
    String message = warn.getString("message");
    assertTrue(message.startsWith("sync run failed: run=" + failed + " "), message);
    assertTrue(message.contains(" account=" + account + " "), message);
    assertTrue(message.contains(" kind=HOURLY "), message);
    assertTrue(message.contains(" outcome=FAILED "), message);
    assertTrue(message.matches(".* reason=\"[^\"]*answered 400.*"), message);
    Matcher next = Pattern.compile(" nextAttempt=(\\S+)").matcher(message);
    assertTrue(next.find(), message);
    Instant nextAttempt = Instant.parse(next.group(1));
    assertTrue(
        nextAttempt.isAfter(before) && nextAttempt.isBefore(Instant.now().plusSeconds(61)),
        "the first failure's backoff, a minute at most: " + message);

    String completed = syncNow(api, account, "COMPLETED");
    JsonObject info = onlyLineOf(server, completed);
    assertEquals("INFO", info.getString("loglevel"), info.toString());
    assertTrue(info.getString("message").contains(" outcome=COMPLETED "), info.toString());
    assertFalse(server.logs().contains(TOKEN_PREFIX), "no Intercom access token in the logs");
    table.add("  a failed run: one WARN line (run " + failed + "), the next one INFO, no token");
  }

  /**
   * The one line of the server's JSON messages.log that names this run. The line is written after
   * the run's end is committed (it reports the failure streak that commit counted), so the test,
   * which watches the row, may look before the line is there: it waits up to ten seconds for it.
   */
  private static JsonObject onlyLineOf(LibertyServer server, String run) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    List<JsonObject> lines = linesNaming(server, run);
    while (lines.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      lines = linesNaming(server, run);
    }
    assertEquals(1, lines.size(), "lines naming run " + run + ": " + lines);
    return lines.get(0);
  }

  private static List<JsonObject> linesNaming(LibertyServer server, String run) throws Exception {
    List<JsonObject> lines = new ArrayList<>();
    for (String line :
        Files.readAllLines(server.file("logs/messages.log"), StandardCharsets.UTF_8)) {
      // The last line may be half written while it is read: it counts once it is whole.
      if (line.contains("run=" + run + " ") && line.endsWith("}")) {
        lines.add(Json.createReader(new StringReader(line)).readObject());
      }
    }
    return lines;
  }

  /** "Sync now" once the lease is free; the run's id once it ended in {@code state}. */
  private static String syncNow(ApiClient api, String account, String state) throws Exception {
    String run = startSync(api, account);
    long deadline = System.nanoTime() + 60_000_000_000L;
    String now;
    while ("RUNNING"
        .equals(now = single(String.class, "SELECT state FROM sync_run WHERE id = ?", run))) {
      assertTrue(System.nanoTime() < deadline, account + ": run " + run + " did not end");
      Thread.sleep(200);
    }
    assertEquals(state, now, "run " + run);
    return run;
  }

  private static void assertListed(ApiClient api, String account, String id, String kind)
      throws Exception {
    JsonObject item =
        skipped(api, account).stream()
            .filter(i -> i.getString("intercomId").equals(id))
            .findFirst()
            .orElseThrow(() -> new AssertionError(id + " is not listed as skipped"));
    assertEquals(kind, item.getString("kind"));
    assertEquals("UNREADABLE", item.getString("reason"));
    assertTrue(item.getInt("attempts") >= 1);
    assertTrue(!item.getString("detail").isBlank());
    assertTrue(!item.getString("firstSeen").isBlank() && !item.getString("lastSeen").isBlank());
  }

  private static void assertNotListed(ApiClient api, String account, String id) throws Exception {
    assertTrue(
        skipped(api, account).stream().noneMatch(i -> i.getString("intercomId").equals(id)),
        id + " is still listed");
  }

  /** Every skipped item of the account, page by page, as a member reads them. */
  private static List<JsonObject> skipped(ApiClient api, String account) throws Exception {
    List<JsonObject> all = new ArrayList<>();
    String cursor = "";
    do {
      var response =
          api.get(
              "api/v1/integrations/intercom/skipped?limit=2"
                  + (cursor.isEmpty() ? "" : "&cursor=" + cursor),
              member(account));
      assertEquals(200, response.statusCode(), response.body());
      JsonObject page = ApiClient.json(response);
      all.addAll(page.getJsonArray("items").getValuesAs(JsonObject.class));
      // JSON-B leaves a null out: the last page has no nextCursor at all.
      cursor = page.getString("nextCursor", "");
    } while (!cursor.isEmpty());
    return all;
  }

  /**
   * The account's documents against the oracle, less what is set aside: a row of the table, which
   * must show nothing lost, duplicated or extra, and the account not blocked (its last run
   * completed).
   */
  private void record(String what, String account, IntercomSimulator sim, Set<String> setAside)
      throws Exception {
    Set<String> expected = new TreeSet<>(sim.oracle().qualifyingNewestFirst());
    expected.removeAll(setAside);
    List<String> rows = new ArrayList<>();
    try (Connection c = TestDatabase.connect();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT conversation_id FROM feedback_document"
                    + " WHERE account_id = ? AND deleted_at IS NULL")) {
      q.setString(1, account);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
      }
    }
    Set<String> stored = new TreeSet<>(rows);
    long lost = expected.stream().filter(id -> !stored.contains(id)).count();
    long extra = stored.stream().filter(id -> !expected.contains(id)).count();
    long duplicated = rows.size() - stored.size();
    // Ticks come every second here: the newest run may have just started; blocked means it does
    // not end, or ends other than COMPLETED.
    String lastState = "RUNNING";
    long deadline = System.nanoTime() + 60_000_000_000L;
    while ("RUNNING".equals(lastState) && System.nanoTime() < deadline) {
      lastState =
          single(
              String.class,
              "SELECT state FROM sync_run WHERE account_id = ? ORDER BY started_at DESC LIMIT 1",
              account);
      if ("RUNNING".equals(lastState)) {
        Thread.sleep(200);
      }
    }
    int blocked = "COMPLETED".equals(lastState) ? 0 : 1;
    int runs =
        single(Long.class, "SELECT COUNT(*) FROM sync_run WHERE account_id = ?", account)
            .intValue();
    table.add(
        String.format(
            "  %-30s runs %2d  lost %d  duplicated %d  extra %d  blocked %d  (%d documents)",
            what, runs, lost, duplicated, extra, blocked, stored.size()));
    assertEquals(0, lost, what + ": lost");
    assertEquals(0, duplicated, what + ": duplicated");
    assertEquals(0, extra, what + ": extra");
    assertEquals(0, blocked, what + ": blocked (last run " + lastState + ")");
  }

  /** The newest run of the kind, once it has ended (its counts are written when it ends). */
  private static JsonObject lastRun(ApiClient api, String account, String kind) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (true) {
      String body = api.get("api/v1/integrations/intercom/runs?limit=20", member(account)).body();
      JsonObject run =
          jakarta.json.Json.createReader(new java.io.StringReader(body))
              .readArray()
              .getValuesAs(JsonObject.class)
              .stream()
              .filter(r -> r.getString("kind").equals(kind))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no " + kind + " run"));
      if (!run.getString("state").equals("RUNNING") || System.nanoTime() > deadline) {
        return run;
      }
      Thread.sleep(200);
    }
  }

  private static String connect(ApiClient api, IntercomSimulator sim, String prefix)
      throws Exception {
    String account = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    api.createAccount(account, "Isolation", Plan.PAID);
    String admin = AdminTokens.token("ada", account, "admin");
    String query = api.allow(sim, api.beginConnect(admin));
    assertEquals(
        200, api.get("api/v1/integrations/intercom/callback?" + query, admin).statusCode());
    return account;
  }

  private static String member(String account) {
    return AdminTokens.token("bo", account, "member");
  }

  /**
   * "Sync now" once the lease is free, then the end of that very run (not of one the scheduler
   * started before, which may have met the fault).
   */
  private static void cleanRun(ApiClient api, String account) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    String run = startSync(api, account);
    while (!single(String.class, "SELECT state FROM sync_run WHERE id = ?", run)
        .equals("COMPLETED")) {
      assertTrue(System.nanoTime() < deadline, account + ": run " + run + " did not complete");
      Thread.sleep(200);
    }
  }

  /** "Sync now" once the lease is free; the id of the run it started. */
  private static String startSync(ApiClient api, String account) throws Exception {
    String admin = AdminTokens.token("ada", account, "admin");
    long deadline = System.nanoTime() + 60_000_000_000L;
    var started = api.send("POST", "api/v1/integrations/intercom/sync", admin, null);
    while (started.statusCode() != 202) {
      assertTrue(System.nanoTime() < deadline, "the lease never came free");
      Thread.sleep(200);
      started = api.send("POST", "api/v1/integrations/intercom/sync", admin, null);
    }
    return ApiClient.json(started).getString("runId");
  }

  private static java.sql.Timestamp updatedAt(String account, String conversation)
      throws Exception {
    return single(
        java.sql.Timestamp.class,
        "SELECT updated_at FROM feedback_document WHERE account_id = ? AND conversation_id = ?",
        account,
        conversation);
  }

  private static int profiles(String account, String contact) throws Exception {
    return single(
            Long.class,
            "SELECT COUNT(*) FROM customer_profile WHERE account_id = ? AND contact_id = ?"
                + " AND deleted_at IS NULL",
            account,
            contact)
        .intValue();
  }
}
