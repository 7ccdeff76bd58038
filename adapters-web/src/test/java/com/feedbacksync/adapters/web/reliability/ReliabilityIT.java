package com.feedbacksync.adapters.web.reliability;

import static com.feedbacksync.adapters.web.reliability.ReliabilityRows.conversationsRecorded;
import static com.feedbacksync.adapters.web.reliability.ReliabilityRows.copies;
import static com.feedbacksync.adapters.web.reliability.ReliabilityRows.count;
import static com.feedbacksync.adapters.web.reliability.ReliabilityRows.digest;
import static com.feedbacksync.adapters.web.reliability.ReliabilityRows.dumpContains;
import static com.feedbacksync.adapters.web.reliability.ReliabilityRows.lastRunCalls;
import static com.feedbacksync.adapters.web.reliability.ReliabilityRows.runs;
import static com.feedbacksync.adapters.web.reliability.ReliabilityRows.runsInState;
import static com.feedbacksync.adapters.web.reliability.ReliabilityRows.runsOf;
import static com.feedbacksync.adapters.web.reliability.ReliabilityRows.setWatermark;
import static com.feedbacksync.adapters.web.reliability.ReliabilityRows.single;
import static com.feedbacksync.adapters.web.reliability.ReliabilityRows.updatedAt;
import static com.feedbacksync.adapters.web.reliability.ReliabilityRows.watermark;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.adapters.web.support.AdminTokens;
import com.feedbacksync.adapters.web.support.ApiClient;
import com.feedbacksync.adapters.web.support.LibertyServer;
import com.feedbacksync.adapters.web.support.TestDatabase;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.simulator.DocumentContent;
import com.feedbacksync.simulator.Faults.Fault;
import com.feedbacksync.simulator.IntercomSimulator;
import com.feedbacksync.simulator.Oracle;
import com.feedbacksync.simulator.SimulatorConfig;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost, nothing duplicated, nothing leaked: syncs under every fault the simulator can
 * inject, a server killed with {@code kill -9} twice mid-sync, then one clean run; the stored data
 * is compared with the simulator's oracle (ids, each document's flat tags, and its messages and
 * files by content digest). Ends with the database dump and the server's logs searched for any
 * access token. Prints the table of the note.
 */
class ReliabilityIT {

  private static final int SIM_PORT =
      Integer.parseInt(System.getProperty("it.simulator.port", "9189"));

  /** The suite's own server, beside the deployment the other ITs share. */
  private static final int HTTP_PORT =
      Integer.parseInt(System.getProperty("it.rely.http.port", "9186"));

  private static final int HTTPS_PORT =
      Integer.parseInt(System.getProperty("it.rely.https.port", "9448"));

  /** Every access token the simulator issues starts so ("tok:" in Base64). */
  private static final String TOKEN_CANARY = "dG9rOj";

  private final List<String> table = new ArrayList<>();

  /**
   * The accounts this run created: the database may hold others from earlier runs of the suite,
   * synced from a simulator of the same seed (the same conversation ids).
   */
  private static final Set<String> ACCOUNTS = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Time spent comparing documents' content with the oracle's, all rows together. */
  private long contentNanos;

  /** Where the last awaited sync stood when it got far enough ("done/total"). */
  private String lastProgress = "";

  @Test
  void faults_and_crashes_lose_nothing_and_duplicate_nothing() throws Exception {
    AdminTokens.publish();
    Map<String, String> env =
        Map.of(
            "INTERCOM_BASE_URL", "http://127.0.0.1:" + SIM_PORT,
            "FEEDBACKSYNC_SCHEDULER_INTERVAL_SECONDS", "1",
            // Short, so a killed server's accounts are taken over soon; not shorter: a commit
            // holds its lease row, and the renewals of every account wait behind it, so on a
            // loaded machine a 4 s lease was lost by first syncs that were running fine.
            "FEEDBACKSYNC_SCHEDULER_LEASE_SECONDS", "10",
            // A SLOW answer (3 s) then times out rather than merely waits.
            "INTERCOM_READ_TIMEOUT_SECONDS", "2");
    long suiteStart = System.nanoTime();
    LibertyServer server = LibertyServer.start("feedbackSyncRely", HTTP_PORT, HTTPS_PORT, env);
    try {
      server.awaitReady();
      String webhooks = server.url() + "api/v1/webhooks/intercom";
      timed("server up", suiteStart);
      try (IntercomSimulator sim = simulator(51, 200, webhooks)) {
        ApiClient api = new ApiClient(server.url());
        String steady = faults(api, sim);
        long t = System.nanoTime();
        idempotence(api, sim, steady);
        timed("idempotence", t);
        t = System.nanoTime();
        filesOnReSync(api, sim, steady);
        timed("files on re-sync", t);
        t = System.nanoTime();
        isolation(api, sim, steady);
        timed("isolation", t);
      }
      // A bigger workspace for the crashes, so a crash's cost is measured against a real first
      // sync rather than one of three pages.
      try (IntercomSimulator sim = simulator(52, 3_000, webhooks)) {
        long t = System.nanoTime();
        server = crashes(server, env, sim);
        timed("crashes", t);
        t = System.nanoTime();
        databaseOutage(new ApiClient(server.url()), sim);
        timed("database outage", t);
      }
      long t = System.nanoTime();
      secrets(server);
      timed("secrets", t);
    } finally {
      server.close();
      timed("whole suite", suiteStart);
      table.add(String.format("  time: %-16s %5.1f s", "of which content", contentNanos / 1e9));
      System.out.println("\nreliability:\n" + String.join("\n", table));
    }
  }

  private void timed(String what, long startedNanos) {
    table.add(
        String.format("  time: %-16s %5.1f s", what, (System.nanoTime() - startedNanos) / 1e9));
  }

  /** A workspace on the suite's port, unpaced, sending webhooks to the server. */
  private static IntercomSimulator simulator(long seed, int conversations, String webhooks) {
    return IntercomSimulator.start(
        SimulatorConfig.defaults(seed, conversations)
            .withRatePerMinute(0)
            .withPort(SIM_PORT)
            .withWebhookUrl(webhooks));
  }

  /** Every API endpoint a sync calls: all but the OAuth token exchange and {@code /me}. */
  private static final List<String> SYNC_ENDPOINTS =
      List.of(
          "POST /conversations/search",
          "GET /conversations/deleted",
          "GET /conversations/{id}",
          "GET /conversations",
          "GET /contacts",
          "POST /contacts/search",
          "GET /contacts/{id}",
          "GET /contacts/{id}/segments",
          "GET /contacts/{id}/companies",
          "GET /companies/scroll",
          "GET /companies/{id}",
          "GET /tags",
          "GET /admins",
          "GET /teams");

  /** A SLOW answer comes this late, beyond the server's read timeout in this suite. */
  private static final long SLOW_MILLIS = 3_000;

  /** The conversations of a listing page: the product asks for Intercom's most, 150. */
  private static final int PAGE = 150;

  /**
   * For each fault, a fresh account's first sync and an hourly sync under it, then one clean run.
   * The faults are on before the connect (OAuth's token exchange and {@code /me} excepted), so the
   * first sync meets them from its first call; each phase must have met at least one (the
   * simulator's own count). Returns the last account, synced and steady.
   */
  private String faults(ApiClient api, IntercomSimulator sim) throws Exception {
    String account = null;
    for (Fault fault :
        List.of(
            Fault.HTTP_429,
            Fault.HTTP_503,
            Fault.RESET,
            Fault.SLOW,
            Fault.TRUNCATED,
            Fault.INVALID_JSON)) {
      long started = System.nanoTime();
      int skipped = sim.oracle().skippedWithoutReply().size();
      long before = injected(sim, fault);
      if (fault == Fault.HTTP_429) {
        // A burst: the retrieves' next 12 calls are refused; each refusal waits for the window.
        sim.faultScript("GET /conversations/{id}", java.util.Collections.nCopies(12, fault));
      } else {
        double share = fault == Fault.SLOW ? 0.03 : 0.08;
        SYNC_ENDPOINTS.forEach(e -> sim.faultProbability(e, share, List.of(fault), SLOW_MILLIS));
      }
      account = connect(api, sim, "fault");
      awaitHistory(api, account);
      long inFirstSync = injected(sim, fault) - before;
      // Changes while the faults go on, taken by an hourly sync that meets the fault at its
      // listing and at its first retrieve.
      List<String> qualifying = sim.oracle().qualifyingNewestFirst();
      sim.customerReplies(qualifying.get(3));
      sim.addTag(qualifying.get(4), "9002");
      sim.newConversation("customer");
      long beforeHourly = injected(sim, fault);
      sim.faultScript("POST /conversations/search", List.of(fault), SLOW_MILLIS);
      sim.faultScript("GET /conversations/{id}", List.of(fault), SLOW_MILLIS);
      cleanRun(api, account);
      long inHourly = injected(sim, fault) - beforeHourly;
      sim.clearFaults();
      cleanRun(api, account);
      assertTrue(inFirstSync > 0, fault + ": no fault met the first sync");
      assertTrue(inHourly > 0, fault + ": no fault met the hourly sync");
      assertEquals(
          skipped,
          count(
              "SELECT CAST(COALESCE(SUM(skipped_without_reply), 0) AS SIGNED) FROM sync_run"
                  + " WHERE account_id = ? AND kind = 'FIRST'",
              account),
          fault + ": the first sync skipped what the oracle skips (judged on the parts)");
      record(
          api,
          fault == Fault.HTTP_429 ? "HTTP_429 (burst of 12)" : fault.name() + " (of calls)",
          account,
          sim,
          runs(account));
      table.add(
          String.format(
              "    faults met: first sync %d, hourly %d; skipped without reply %d (oracle %d);"
                  + " %d s",
              inFirstSync,
              inHourly,
              skipped,
              skipped,
              (System.nanoTime() - started) / 1_000_000_000L));
    }
    return account;
  }

  /**
   * A file attached to a stored conversation is downloaded by the run that meets the customer's
   * reply, and not again when the agent's reply re-syncs the conversation: the store holds it.
   * Counted per file by the simulator and per copy by the database, whichever accounts on the
   * workspace sync the change.
   */
  private void filesOnReSync(ApiClient api, IntercomSimulator sim, String account)
      throws Exception {
    String conversation = sim.oracle().qualifyingNewestFirst().get(5);
    int size = 4_321; // no generated file has it
    // An attachment alone is no change a sync acts on; the customer's reply with it is.
    String file = sim.attachFile(conversation, size);
    sim.customerReplies(conversation);
    // Each change moves the simulator's updated_at by at least a second, so two in one second put
    // it a second ahead of the clock, past the end of a window that starts now.
    Thread.sleep(2_000);
    cleanRun(api, account);
    assertEquals(1, copies(conversation, size, List.of(account)), "the attached file was copied");
    awaitOneDownloadPerCopy(sim, file, conversation, size);
    java.sql.Timestamp before = updatedAt(account, conversation);
    sim.agentReplies(conversation);
    Thread.sleep(2_000);
    cleanRun(api, account);
    assertTrue(updatedAt(account, conversation).after(before), "the agent's reply was synced");
    awaitOneDownloadPerCopy(sim, file, conversation, size);
    table.add(
        "  files on re-sync: a file and a reply, then a reply: downloaded "
            + sim.fileServed(file)
            + " times for "
            + copies(conversation, size, ACCOUNTS)
            + " copies (goal: once per copy)");
  }

  /**
   * Until the file host sent the file once per copy the accounts hold and does not send it again
   * for 2 s (a late download by another account's run would), or fails after 30 s.
   */
  private static void awaitOneDownloadPerCopy(
      IntercomSimulator sim, String file, String conversation, int size) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    long steadySince = System.nanoTime();
    while (sim.fileServed(file) != copies(conversation, size, ACCOUNTS)
        || System.nanoTime() - steadySince < 2_000_000_000L) {
      if (sim.fileServed(file) != copies(conversation, size, ACCOUNTS)) {
        steadySince = System.nanoTime();
      }
      assertTrue(
          System.nanoTime() < deadline,
          "the file was sent "
              + sim.fileServed(file)
              + " times for "
              + copies(conversation, size, ACCOUNTS)
              + " stored copies");
      Thread.sleep(200);
    }
  }

  /** How many faults of this kind the simulator injected so far (its own count). */
  private static long injected(IntercomSimulator sim, Fault fault) {
    return sim.counters().faultsInjected().getOrDefault(fault.name(), 0L);
  }

  /**
   * A second run with nothing new leaves the data as it was, to the byte, and costs only its
   * listings; a webhook for a conversation the poll already stored changes none of its content; a
   * checkpoint ahead of the clock costs no call at all.
   */
  private void idempotence(ApiClient api, IntercomSimulator sim, String account) throws Exception {
    // The first customers run, due when the first sync ends, writes the profiles of customers who
    // wrote no conversation: a steady account is one it has finished for.
    awaitIdle(api, account);
    Map<String, String> before = digest(account, true);
    long served = sim.newestTokenCalls(); // the steady account connected last: its token's calls
    cleanRun(api, account);
    assertEquals(before, digest(account, true), "a second identical run changes nothing");
    long listings = sim.newestTokenCalls() - served;
    assertEquals(
        2, listings, "the identical run cost its search page and deleted list (simulator's count)");
    assertEquals(listings, lastRunCalls(account), "and the run recorded what it cost");

    Map<String, String> content = digest(account, false);
    String polled = sim.oracle().qualifyingNewestFirst().get(3);
    long fetchesBefore = sim.counters().calls("GET /conversations/{id}");
    assertEquals(202, sim.sendWebhook("conversation.user.replied", polled));
    awaitWebhookCommit(account);
    // The stream's checkpoint row may stand from an earlier webhook: wait for this one's fetch,
    // then for the server to fall quiet, so its calls land in no later run's count.
    awaitQuiet(sim, () -> sim.counters().calls("GET /conversations/{id}") > fetchesBefore);
    assertEquals(
        content,
        digest(account, false),
        "a late webhook for what the poll stored changes no document's content");

    // A webhook for an outbound conversation nobody answered: fetched, judged, nothing stored.
    String unanswered = sim.oracle().skippedWithoutReply().get(0);
    long fetchesNow = sim.counters().calls("GET /conversations/{id}");
    assertEquals(202, sim.sendWebhook("conversation.admin.replied", unanswered));
    awaitQuiet(sim, () -> sim.counters().calls("GET /conversations/{id}") > fetchesNow);
    assertEquals(
        0L,
        single(
            Long.class,
            "SELECT COUNT(*) FROM feedback_document WHERE account_id = ? AND conversation_id = ?",
            account,
            unanswered),
        "a webhook for an unanswered outbound conversation stores nothing");
    assertEquals(content, digest(account, false), "nor changes anything else");

    java.sql.Timestamp watermark = watermark(account);
    setWatermark(account, java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(7_200)));
    long callsBefore = sim.counters().apiCalls();
    cleanRun(api, account);
    assertEquals(0, lastRunCalls(account), "a checkpoint in the future costs zero calls");
    assertEquals(
        callsBefore, sim.counters().apiCalls(), "and the simulator saw none (its own count)");
    setWatermark(account, watermark); // back where it was, for the account's next runs
    table.add(
        "  idempotence: an identical run changed nothing (digest of every row) at "
            + listings
            + " calls (simulator's count); a late webhook changed no content; a webhook for an"
            + " unanswered outbound stored nothing; a future checkpoint cost 0 calls");
  }

  /**
   * Account A loses its token: A ends NEEDS_REAUTH with its documents kept, while B, on the same
   * workspace and server, keeps syncing.
   */
  private void isolation(ApiClient api, IntercomSimulator sim, String other) throws Exception {
    String revoked = connect(api, sim, "revoked");
    awaitHistory(api, revoked);
    java.util.Set<String> kept = TestDatabase.documentIds(revoked);
    sim.revokeNewest();
    String changed = sim.oracle().qualifyingNewestFirst().get(5);
    sim.customerReplies(changed);
    java.sql.Timestamp before = updatedAt(other, changed);

    syncNow(api, revoked);
    String admin = AdminTokens.token("ada", revoked, "admin");
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!ApiClient.json(api.get("api/v1/integrations/intercom", admin))
        .getString("state")
        .equals("NEEDS_REAUTH")) {
      assertTrue(System.nanoTime() < deadline, "the revoked account never asked to reconnect");
      Thread.sleep(200);
    }
    cleanRun(api, other);

    assertEquals(kept, TestDatabase.documentIds(revoked), "A's documents are kept as they were");
    assertTrue(updatedAt(other, changed).after(before), "B synced the customer's reply meanwhile");
    record(api, "B beside a revoked A", other, sim, runs(other));
    table.add(
        "  isolation: A revoked -> NEEDS_REAUTH, its "
            + kept.size()
            + " documents kept; B synced the new reply");
  }

  /**
   * kill -9 twice during a first sync, paced so there is a "during"; restarted, it resumes from its
   * checkpoint. Returns the server now running.
   *
   * <p>What a kill may cost is what the dead server had fetched and not committed; how much that is
   * depends on how slowly the machine commits (a kill that lands in a slow commit loses that part
   * too). So the check is per conversation, not a ratio of calls: after the kill, the simulator's
   * record of what it answered and the database's record of what was committed give what was lost,
   * and the resumed sync must fetch again nothing else.
   */
  private LibertyServer crashes(
      LibertyServer server, Map<String, String> env, IntercomSimulator sim) throws Exception {
    ApiClient api = new ApiClient(server.url());
    sim.rateLimit(12_000);
    String clean = connect(api, sim, "clean");
    awaitHistory(api, clean);
    long cleanCalls = firstSyncCalls(api, sim, clean);
    // Nothing changes meanwhile (the generated history ends in the past), so the hourly run after
    // it fetches none again either.
    assertEquals(
        Set.of(),
        fetchedAgain(sim),
        "a first sync no kill interrupted fetches each conversation once");
    Map<String, Long> cleanByEndpoint = sim.newestTokenCallsByEndpoint();
    sim.rateLimit(12_000);
    sim.resetCounters();
    String crashed = connect(api, sim, "crash");
    List<String> killedAt = new ArrayList<>();
    List<Integer> lostPerKill = new ArrayList<>();
    Set<String> lost = new TreeSet<>();
    for (double at : new double[] {0.3, 0.6}) {
      if (!awaitProgress(api, crashed, at)) {
        break; // the resumed sync finished before this point: nothing left to kill
      }
      server.kill9();
      killedAt.add(lastProgress);
      // A request the server sent just before it died may still be in the simulator's handler, and
      // a COMMIT it sent still in MariaDB's: both settle well within this.
      Thread.sleep(500);
      Set<String> uncommitted = new TreeSet<>(sim.newestTokenRetrieves().keySet());
      uncommitted.removeAll(conversationsRecorded(crashed));
      lostPerKill.add(uncommitted.size());
      lost.addAll(uncommitted);
      server = LibertyServer.start("feedbackSyncRely", HTTP_PORT, HTTPS_PORT, env);
      server.awaitReady();
      api = new ApiClient(server.url());
    }
    int kills = killedAt.size();
    awaitHistory(api, crashed);
    long refused = sim.counters().rateLimited();
    long crashCalls = firstSyncCalls(api, sim, crashed);
    Set<String> committedYetFetchedAgain = fetchedAgain(sim);
    committedYetFetchedAgain.removeAll(lost);
    Map<String, Long> extra = new java.util.TreeMap<>();
    sim.newestTokenCallsByEndpoint()
        .forEach(
            (endpoint, n) -> {
              long more = n - cleanByEndpoint.getOrDefault(endpoint, 0L);
              if (more != 0) {
                extra.put(endpoint, more);
              }
            });
    cleanRun(api, crashed);
    assertTrue(kills >= 1, "the server was killed mid-sync");
    record(api, "kill -9 at " + String.join(", ", killedAt), crashed, sim, runs(crashed));
    // Each company is fetched once per run, so every resumed run fetches again the companies it
    // meets: bounded by the workspace's companies per kill (the simulator's count). Besides the
    // conversations and companies, a lost conversation costs at most its author's profile again,
    // and a kill one more listing page and its customers' lookup (two searches of 150 when the
    // page's conversations name more than 150 customers).
    long companiesAgain = Math.max(0, extra.getOrDefault("GET /companies/{id}", 0L));
    long companyBound = (long) kills * sim.oracle().companies();
    int lostInAll = lostPerKill.stream().mapToInt(Integer::intValue).sum();
    long otherExtra =
        extra.entrySet().stream()
            .filter(e -> !e.getKey().equals("GET /companies/{id}"))
            .filter(e -> !e.getKey().equals("GET /conversations/{id}"))
            .mapToLong(e -> Math.max(0, e.getValue())) // fewer of one kind hides no more of another
            .sum();
    table.add(
        String.format(
            "  calls: crashed first sync %d vs a clean one %d (%.3f x); conversations fetched"
                + " and not committed when killed %s (goal < a page of %d each), fetched again"
                + " though committed %d (goal 0); companies fetched again %d (bound %d = %d kills"
                + " x %d companies); other calls again %d (bound %d); 429s served meanwhile %d",
            crashCalls,
            cleanCalls,
            crashCalls / (double) cleanCalls,
            lostPerKill,
            PAGE,
            committedYetFetchedAgain.size(),
            companiesAgain,
            companyBound,
            kills,
            sim.oracle().companies(),
            otherExtra,
            lostInAll + 3L * kills,
            refused));
    table.add("  the crashed sync's extra calls by endpoint: " + extra);
    assertTrue(runsInState(crashed, "FAILED") >= 1, "the killed runs were closed as interrupted");
    assertTrue(
        committedYetFetchedAgain.isEmpty(),
        "a resumed sync fetches again only what its server had not committed when it died: "
            + committedYetFetchedAgain.size()
            + " committed ones were, among them "
            + committedYetFetchedAgain.stream().limit(5).toList()
            // A run that lost its lease on a loaded machine also re-fetches what it had not
            // committed: more failed runs than kills say so.
            + "; failed runs "
            + runsInState(crashed, "FAILED")
            + " for "
            + kills
            + " kills");
    lostPerKill.forEach(
        n -> assertTrue(n < PAGE, "a kill loses the part in flight, not a page: " + lostPerKill));
    assertTrue(
        companiesAgain <= companyBound,
        "a resumed run fetches each company again at most once: " + companiesAgain);
    assertTrue(
        otherExtra <= lostInAll + 3L * kills,
        "a resumed sync fetches again no profile or page it had committed: " + extra);
    return server;
  }

  /** The conversations the newest token fetched more than once. */
  private static Set<String> fetchedAgain(IntercomSimulator sim) {
    return sim.newestTokenRetrieves().entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .map(Map.Entry::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * The calls of an account's first sync, killed runs included: every call made with its token (the
   * one issued last) less what its later runs recorded. The first sync is followed at once by an
   * hourly and a customers run, so it waits for those to end (unpaced).
   */
  private static long firstSyncCalls(ApiClient api, IntercomSimulator sim, String account)
      throws Exception {
    sim.rateLimit(0);
    awaitIdle(api, account);
    return sim.newestTokenCalls()
        - count(
            "SELECT CAST(COALESCE(SUM(api_calls), 0) AS SIGNED) FROM sync_run WHERE account_id = ?"
                + " AND kind <> 'FIRST'",
            account);
  }

  /**
   * MariaDB stopped for a few seconds in the middle of a first sync: that run fails, the next
   * resumes.
   */
  private void databaseOutage(ApiClient api, IntercomSimulator sim) throws Exception {
    // Unpaced, so the sync commits all the time and cannot sit out the outage waiting for a
    // rate-limit window.
    sim.rateLimit(0);
    String account = connect(api, sim, "outage");
    assertTrue(awaitProgress(api, account, 0.3), "the sync was still running");
    String at = lastProgress;
    mariadb("stop");
    Thread.sleep(5_000);
    mariadb("start");
    awaitHistory(api, account);
    cleanRun(api, account);
    record(api, "MariaDB stopped 5 s at " + at, account, sim, runs(account));
    assertTrue(runsInState(account, "FAILED") >= 1, "the run the outage cut was closed as failed");
  }

  /** A dump of the database and everything the server logged hold no access token. */
  private void secrets(LibertyServer server) throws Exception {
    // --hex-blob writes binary columns as 0x and upper-case hex: search for the token so too.
    String hexCanary =
        java.util.HexFormat.of()
            .withUpperCase()
            .formatHex(TOKEN_CANARY.getBytes(StandardCharsets.US_ASCII));
    Set<String> dumped =
        dumpContains("CREATE TABLE `intercom_connection`", TOKEN_CANARY, hexCanary);
    assertTrue(dumped.contains("CREATE TABLE `intercom_connection`"), "the dump is a real dump");
    assertFalse(dumped.contains(TOKEN_CANARY), "no plaintext token in the database dump");
    assertFalse(dumped.contains(hexCanary), "no plaintext token in a binary column (hex)");
    assertFalse(server.logs().contains(TOKEN_CANARY), "no token in the server's logs");
    table.add(
        "  secrets: database dump (text and hex) and server logs searched, no access token found");
  }

  /**
   * The account's stored documents against the oracle: lost, duplicated, extra, wrong tags, wrong
   * content (each document's messages and files by digest, {@link DocumentContent}).
   */
  private void record(ApiClient api, String what, String account, IntercomSimulator sim, int runs)
      throws Exception {
    Oracle oracle = sim.oracle();
    long started = System.nanoTime();
    Map<String, DocumentContent> contents = sim.documentContents();
    Map<String, DocumentContent> storedContents = StoredContents.of(account);
    contentNanos += System.nanoTime() - started;
    Set<String> expected = new TreeSet<>(oracle.qualifyingNewestFirst());
    // Every row of the account, in any workspace, tombstones too: one Intercom id, one row.
    List<String> rows = new ArrayList<>();
    Set<String> stored = new TreeSet<>();
    try (Connection c = TestDatabase.connect();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT conversation_id, deleted_at IS NULL FROM feedback_document"
                    + " WHERE account_id = ?")) {
      q.setString(1, account);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1));
          if (rs.getBoolean(2)) {
            stored.add(rs.getString(1));
          }
        }
      }
    }
    long lost = expected.stream().filter(id -> !stored.contains(id)).count();
    long extra = stored.stream().filter(id -> !expected.contains(id)).count();
    long duplicated = rows.size() - new TreeSet<>(rows).size();
    // Each document's flat tags, as Document Info serves them, against the oracle's.
    long wrongTags = 0;
    long wrongContent = 0;
    for (String id : stored) {
      if (contents.containsKey(id)) {
        long t = System.nanoTime();
        DocumentContent want = contents.get(id);
        DocumentContent got =
            storedContents.getOrDefault(id, new DocumentContent(List.of(), List.of()));
        if (!want.digest().equals(got.digest()) && wrongContent++ < 3) {
          table.add("    " + id + ": content differs at " + firstDifference(want, got));
        }
        contentNanos += System.nanoTime() - t;
      }
      JsonObject info =
          ApiClient.json(
              api.get(
                  "api/v1/documents/" + id + "/info", AdminTokens.token("bo", account, "member")));
      Set<String> ids =
          info.getJsonArray("tags").getValuesAs(JsonObject.class).stream()
              .map(t -> t.getString("id"))
              .collect(Collectors.toCollection(TreeSet::new));
      Set<String> want = new TreeSet<>(oracle.flatTagIds().getOrDefault(id, List.of()));
      if (!ids.equals(want)) {
        wrongTags++;
        table.add("    " + id + ": stored tags " + ids + ", Intercom's " + want);
      }
    }
    table.add(
        String.format(
            "  %-26s runs %2d  lost %d  duplicated %d  extra %d  wrong tags %d  wrong content %d"
                + "  (%d documents)",
            what, runs, lost, duplicated, extra, wrongTags, wrongContent, stored.size()));
    assertEquals(0, lost, what + ": lost");
    assertEquals(0, duplicated, what + ": duplicated");
    assertEquals(0, extra, what + ": extra");
    assertEquals(0, wrongTags, what + ": wrong tags");
    assertEquals(0, wrongContent, what + ": documents whose content differs from Intercom's");
  }

  /** The first line where the stored content leaves the oracle's, both sides shown. */
  private static String firstDifference(DocumentContent want, DocumentContent got) {
    String[] w = want.canonical().split("\n");
    String[] g = got.canonical().split("\n");
    for (int i = 0; i < Math.max(w.length, g.length); i++) {
      String a = i < w.length ? w[i] : "(nothing)";
      String b = i < g.length ? g[i] : "(nothing)";
      if (!a.equals(b)) {
        return "line " + (i + 1) + ": Intercom's [" + a.strip() + "], stored [" + b.strip() + "]";
      }
    }
    return "(same lines)";
  }

  private static String connect(ApiClient api, IntercomSimulator sim, String prefix)
      throws Exception {
    String account = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    api.createAccount(account, "Reliability", Plan.PAID);
    ACCOUNTS.add(account);
    String admin = AdminTokens.token("ada", account, "admin");
    // The faults are on during the connect too (its access check searches): an admin whose
    // connect failed tries again, with a new flow.
    int status = 0;
    for (int attempt = 0; attempt < 6 && status != 200; attempt++) {
      String query = api.allow(sim, api.beginConnect(admin));
      status = api.get("api/v1/integrations/intercom/callback?" + query, admin).statusCode();
    }
    assertEquals(200, status, account + ": connected");
    return account;
  }

  private static void awaitHistory(ApiClient api, String account) throws Exception {
    long deadline = System.nanoTime() + 300_000_000_000L;
    String token = AdminTokens.token("bo", account, "member");
    while (System.nanoTime() < deadline) {
      if (api.get("api/v1/integrations/intercom", token)
          .body()
          .contains("\"historyComplete\":true")) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(account + ": the first sync never completed");
  }

  /** True once the running first sync got this far; false when it finished first. */
  private boolean awaitProgress(ApiClient api, String account, double fraction) throws Exception {
    // Generous: on a loaded machine a resumed sync after a restart can crawl.
    long deadline = System.nanoTime() + 300_000_000_000L;
    String token = AdminTokens.token("bo", account, "member");
    while (System.nanoTime() < deadline) {
      JsonObject status = ApiClient.json(api.get("api/v1/integrations/intercom", token));
      if (status.getBoolean("historyComplete")) {
        return false;
      }
      if (status.get("progress") instanceof JsonObject p
          && p.getJsonNumber("total").longValue() > 0
          && p.getJsonNumber("done").longValue()
              >= fraction * p.getJsonNumber("total").longValue()) {
        lastProgress = p.getJsonNumber("done") + "/" + p.getJsonNumber("total");
        return true;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(account + ": no progress to " + fraction);
  }

  /** Until the account's first customers run has completed and no run of it is running. */
  private static void awaitIdle(ApiClient api, String account) throws Exception {
    awaitRuns(api, account, "CUSTOMERS", 1);
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (runsInState(account, "RUNNING") > 0) {
      assertTrue(System.nanoTime() < deadline, account + ": a run never ended");
      Thread.sleep(200);
    }
  }

  private static void awaitRuns(ApiClient api, String account, String kind, int completed)
      throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (runsOf(account, kind, "COMPLETED") >= completed) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(account + ": no completed " + kind + " run");
  }

  /**
   * One clean run after the faults: "sync now" once the lease is free, then a completed hourly run
   * that started no earlier than it (the run itself, or the scheduler's retry when it failed). Not
   * "one more completed hourly run than before": an hourly run is due as soon as a first sync ends,
   * and the scheduler's could start before the test's faults were set and end after this count.
   */
  private static void cleanRun(ApiClient api, String account) throws Exception {
    String run = syncNow(api, account);
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (single(
            Long.class,
            "SELECT COUNT(*) FROM sync_run WHERE account_id = ? AND kind = 'HOURLY'"
                + " AND state = 'COMPLETED' AND started_at >="
                + " (SELECT s.started_at FROM sync_run s WHERE s.id = ?)",
            account,
            run)
        == 0L) {
      assertTrue(System.nanoTime() < deadline, account + ": no completed hourly run since " + run);
      Thread.sleep(250);
    }
  }

  /** "Sync now", once the lease is free; the started run's id. */
  private static String syncNow(ApiClient api, String account) throws Exception {
    String admin = AdminTokens.token("ada", account, "admin");
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (true) {
      HttpResponse<String> started =
          api.send("POST", "api/v1/integrations/intercom/sync", admin, null);
      if (started.statusCode() == 202) {
        return ApiClient.json(started).getString("runId");
      }
      assertTrue(System.nanoTime() < deadline, "the lease never came free");
      Thread.sleep(200);
    }
  }

  /**
   * Waits until {@code happened} holds and then until the simulator has answered no call for a
   * second: work the server does in the background (a webhook's re-sync) is over.
   */
  private static void awaitQuiet(IntercomSimulator sim, java.util.function.BooleanSupplier happened)
      throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!happened.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "the awaited call never came");
      Thread.sleep(50);
    }
    long calls = -1;
    while (calls != sim.counters().apiCalls()) {
      assertTrue(System.nanoTime() < deadline, "the server never fell quiet");
      calls = sim.counters().apiCalls();
      Thread.sleep(1_000);
    }
  }

  /** Waits until a webhook's re-sync committed for the account (its stream's checkpoint row). */
  private static void awaitWebhookCommit(String account) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (count(
            "SELECT COUNT(*) FROM sync_checkpoint WHERE account_id = ? AND stream = 'WEBHOOKS'",
            account)
        == 0) {
      assertTrue(System.nanoTime() < deadline, "the webhook's re-sync never committed");
      Thread.sleep(100);
    }
  }

  /**
   * The project's own script, as the build runs it: stops or starts the test database (the one on
   * the port the tests use; its data directory comes from the environment, as for the build).
   */
  private static void mariadb(String command) throws Exception {
    ProcessBuilder script =
        new ProcessBuilder("bash", "../scripts/mariadb.sh", command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    script.environment().put("DB_PORT", System.getProperty("db.port", "3316"));
    Process p = script.start();
    assertEquals(0, p.waitFor(), "scripts/mariadb.sh " + command);
  }
}
