package com.feedbacksync.adapters.web.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.adapters.intercom.IntercomSettings;
import com.feedbacksync.adapters.intercom.JdkIntercom;
import com.feedbacksync.adapters.web.support.AdminTokens;
import com.feedbacksync.adapters.web.support.ApiClient;
import com.feedbacksync.adapters.web.support.LibertyServer;
import com.feedbacksync.adapters.web.support.TestDatabase;
import com.feedbacksync.application.fakes.InMemoryAccounts;
import com.feedbacksync.application.fakes.InMemoryConnections;
import com.feedbacksync.application.fakes.InMemorySyncRuns;
import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.SyncBatch;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.application.port.out.SyncStore;
import com.feedbacksync.application.sync.DocumentMappings;
import com.feedbacksync.application.sync.Fetchers;
import com.feedbacksync.application.sync.HistoryParts;
import com.feedbacksync.application.sync.SyncService;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.document.DocumentMapping;
import com.feedbacksync.domain.document.MappingSettings;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.PlanLimits;
import com.feedbacksync.domain.sync.SyncedConversation;
import com.feedbacksync.simulator.Counters;
import com.feedbacksync.simulator.FirstSyncFloor;
import com.feedbacksync.simulator.IntercomSimulator;
import com.feedbacksync.simulator.Oracle;
import com.feedbacksync.simulator.SimulatorConfig;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks of design §4, against a real Liberty (-Xmx256m, the WAR as deployed), MariaDB and
 * the simulator, every ratio measured side by side in one run. Prints a table and writes {@code
 * target/benchmark/report.json}. The test suite runs it at a tiny size so it cannot rot and asserts
 * only what must hold at any size (exact documents, no 429); {@code scripts/bench.sh} runs it at
 * full size. No timing is asserted.
 */
class SyncBenchmarkIT {

  /** The sizes of one run: conversations for B1, B2, B3/B4, and how long B5's clients read. */
  record Sizes(int b1, int b2, int b3, int b4Small, Duration b5) {
    static Sizes of(String name) {
      return switch (name) {
        case "full" -> new Sizes(10_000, 5_000, 100_000, 10_000, Duration.ofSeconds(20));
        case "medium" -> new Sizes(3_000, 2_000, 20_000, 3_000, Duration.ofSeconds(10));
        default -> new Sizes(300, 300, 1_200, 300, Duration.ofSeconds(2));
      };
    }
  }

  private static final int SIM_PORT =
      Integer.parseInt(System.getProperty("it.simulator.port", "9189"));
  private static final Pattern GC_AFTER = Pattern.compile("->(\\d+)M\\(");

  private final Map<String, Object> report = new LinkedHashMap<>();
  private final List<String> table = new ArrayList<>();

  @Test
  void benchmarks() throws Exception {
    String size = System.getProperty("bench.size", "tiny");
    Sizes sizes = Sizes.of(size);
    AdminTokens.publish();
    try (LibertyServer server =
        LibertyServer.start(
            "feedbackSyncBench",
            Integer.getInteger("it.bench.http.port", 9185),
            Integer.getInteger("it.bench.https.port", 9447),
            Map.of(
                "INTERCOM_BASE_URL",
                "http://127.0.0.1:" + SIM_PORT,
                "FEEDBACKSYNC_SCHEDULER_ENABLED",
                "false"),
            jvmOptions())) {
      server.awaitReady();
      ApiClient api = new ApiClient(server.url());
      b1(api, sizes.b1());
      Heap small = heapOfFirstSync(api, server, sizes.b4Small(), 41);
      b2(api, sizes.b2());
      b3b4b5(api, server, sizes, small);
    }
    write(size);
  }

  /**
   * The server's heap is B4's bound; with {@code -Dbench.jfr=true} a profile of the whole run is
   * recorded too (logs/bench.jfr, for {@code jfr print}), off by default as it holds memory of its
   * own and would blur B4.
   */
  private static List<String> jvmOptions() {
    List<String> options = new ArrayList<>(List.of("-Xmx256m", "-Xlog:gc:file=logs/gc.log:uptime"));
    if (Boolean.getBoolean("bench.jfr")) {
      options.add(
          "-XX:StartFlightRecording=filename=logs/bench.jfr,settings=profile,dumponexit=true");
    }
    return options;
  }

  /** B1: calls per kept conversation in a first sync; the hourly sync after 1% changed. */
  private void b1(ApiClient api, int conversations) throws Exception {
    try (IntercomSimulator sim = simulator(11, conversations, 0)) {
      Account account = connect(api, sim, "b1", Plan.PAID);
      JsonObject first = awaitRun(api, account, "FIRST");
      Counters c = sim.counters();
      long kept = first.getJsonNumber("kept").longValue();
      exactDocuments("B1", account, sim, first);
      b1WithProfiles(c, sim.firstSyncFloor(), first);
      long conversationCalls =
          c.calls("POST /conversations/search") + c.calls("GET /conversations/{id}");
      long profileCalls = c.apiCalls() - conversationCalls - oauthCalls(c);
      row(
          "B1 first sync",
          "%,d conversations, %,d kept: %.3f conversation calls per kept (goal <= 1.01);"
              + " %.3f with profiles (%,d profile calls for %,d customers)",
          conversations,
          kept,
          conversationCalls / (double) kept,
          (conversationCalls + profileCalls) / (double) kept,
          profileCalls,
          first.getJsonNumber("profiles").longValue());
      report.put(
          "b1_first_sync",
          Map.of(
              "conversations", conversations,
              "kept", kept,
              "conversation_calls", conversationCalls,
              "profile_calls", profileCalls,
              "conversation_calls_per_kept", conversationCalls / (double) kept,
              "all_calls_per_kept", (conversationCalls + profileCalls) / (double) kept,
              "calls_by_endpoint", c.callsByEndpoint()));

      // 1% changed: customer and agent replies (each a certain trigger) and assignments that
      // must cost nothing. Tags and status changes are exact in SyncOnLibertyIT; here a tag the
      // conversation already has, or its current status, would change nothing and blur the count.
      List<String> qualifying = sim.oracle().qualifyingNewestFirst();
      int changes = Math.max(6, qualifying.size() / 100);
      java.util.Set<String> changed = new java.util.HashSet<>();
      java.util.Set<String> triggered = new java.util.HashSet<>();
      for (int i = 0; i < changes; i++) {
        String id = qualifying.get((i * 37) % qualifying.size());
        switch (i % 3) {
          case 0 -> sim.customerReplies(id);
          case 1 -> sim.agentReplies(id);
          default -> sim.assign(id, "7301248");
        }
        changed.add(id);
        if (i % 3 != 2) {
          triggered.add(id);
        }
      }
      int triggering = triggered.size();
      sim.resetCounters();
      syncNow(api, account);
      JsonObject hourly = awaitRun(api, account, "HOURLY");
      Counters h = sim.counters();
      long listedByTheEngine =
          hourly.getJsonNumber("fetched").longValue()
              + hourly.getJsonNumber("unchanged").longValue();
      long searchPages = h.calls("POST /conversations/search");
      long retrieves = h.calls("GET /conversations/{id}");
      // The least any correct sync can do, from what this benchmark changed (not from what the
      // engine listed): the search pages that hold the changed conversations, one retrieve per
      // conversation whose change triggers, one page of the deleted list.
      long minimum = Math.max(1, (changed.size() + 149) / 150) + triggering + 1;
      // Only this benchmark changed the workspace since the first sync, so a correct listing holds
      // exactly the changed conversations; the simulator counts what its pages returned.
      long listed = h.conversationsListed();
      table.add(
          String.format(
              "                 minimum = ceil(%d changed / 150 per page) + %d triggering"
                  + " retrieves + 1 deleted list = %d; listed %d by the simulator's count"
                  + " (goal: the %d changed), %d by the engine's",
              changed.size(), triggering, minimum, listed, changed.size(), listedByTheEngine));
      long conversationSide = searchPages + retrieves + h.calls("GET /conversations/deleted");
      row(
          "B1 hourly sync",
          "%d changed (%d triggering): %d conversation calls = %.2f x the minimum %d (goal <= 1.05);"
              + " %d calls with profiles",
          changes,
          triggering,
          conversationSide,
          conversationSide / (double) minimum,
          minimum,
          h.apiCalls());
      report.put(
          "b1_hourly_sync",
          Map.of(
              "changed", changes,
              "triggering", triggering,
              "conversation_calls", conversationSide,
              "minimum", minimum,
              "ratio", conversationSide / (double) minimum,
              "all_calls", h.apiCalls(),
              "listed", listed,
              "calls_by_endpoint", h.callsByEndpoint()));
      assertEquals(
          changed.size(), listed, "B1 hourly: the listing holds what changed, no more, no less");
      assertTrue(
          conversationSide <= 1.05 * minimum,
          "B1 hourly: " + conversationSide + " conversation calls against the minimum " + minimum);
    }
  }

  /**
   * B1 with profiles: every call of the first sync (the connect's OAuth, /me and access check
   * aside) against the floor the simulator works out from its own records: search pages, a retrieve
   * per listed conversation, and for the distinct customers of the kept conversations their
   * contacts 150 to a search, their segments, their distinct companies.
   */
  private void b1WithProfiles(Counters c, FirstSyncFloor floor, JsonObject first) {
    long calls = c.apiCalls() - oauthCalls(c) - 1;
    long kept = first.getJsonNumber("kept").longValue();
    double ratio = calls / (double) floor.total();
    table.add(String.format("                 B1 floor = %s", floor));
    row(
        "B1 with profiles",
        "%,d calls = %.3f per kept conversation (floor %.3f); %.3f x the floor %,d (goal <= 1.05);"
            + " profiles stored %,d, the floor's customers %,d",
        calls,
        calls / (double) kept,
        floor.total() / (double) kept,
        ratio,
        floor.total(),
        first.getJsonNumber("profiles").longValue(),
        floor.customers());
    report.put(
        "b1_with_profiles",
        Map.of(
            "calls",
            calls,
            "calls_per_kept",
            calls / (double) kept,
            "floor",
            floor.total(),
            "floor_per_kept",
            floor.total() / (double) kept,
            "ratio_to_floor",
            ratio,
            "floor_customers",
            floor.customers(),
            "floor_companies",
            floor.companies()));
    assertEquals(
        floor.customers(),
        first.getJsonNumber("profiles").longValue(),
        "B1: one profile per distinct customer");
    assertTrue(ratio <= 1.05, "B1 with profiles: " + calls + " calls against the floor " + floor);
  }

  /** B2: a first sync under 10,000 calls a minute: time against the budget's minimum, 429s. */
  private void b2(ApiClient api, int conversations) throws Exception {
    try (IntercomSimulator sim = simulator(12, conversations, 10_000)) {
      Account account = connect(api, sim, "b2", Plan.PAID);
      JsonObject run = awaitRun(api, account, "FIRST");
      exactDocuments("B2", account, sim, run);
      Counters c = sim.counters();
      double seconds = seconds(run);
      // The simulator's windows are 10 s aligned to the clock (epoch seconds / 10), each of
      // 1,667 calls. The run's calls (all but the connect's: OAuth, /me, the access check) need
      // at least ceil(calls / 1,667) windows from the one the run started in; it cannot end
      // before the last of them opens.
      long runCalls = Math.max(1, c.apiCalls() - oauthCalls(c) - 1);
      long windows = (runCalls + c.windowBudget() - 1) / c.windowBudget();
      Instant started = Instant.parse(run.getString("startedAt"));
      double intoWindow = (started.toEpochMilli() % 10_000) / 1000.0;
      double minimum = Math.max(0.001, (windows - 1) * 10.0 - intoWindow);
      table.add(
          String.format(
              "                 minimum = (ceil(%d run calls / %d) - 1) x 10 s - %.1f s the run"
                  + " started into its window = %.1f s",
              runCalls, c.windowBudget(), intoWindow, minimum));
      assertEquals(0, c.rateLimited(), "paced: no 429");
      row(
          "B2 pacing",
          "%,d conversations, %,d calls in %.1f s; minimum in 10-s windows of 1,667 calls %.1f s:"
              + " %.2f x (goal <="
              + " 1.05); 429s %d (goal 0); busiest 10 s window %d of %d",
          conversations,
          c.apiCalls(),
          seconds,
          minimum,
          seconds / minimum,
          c.rateLimited(),
          c.busiestWindow(),
          c.windowBudget());
      report.put(
          "b2_pacing",
          Map.of(
              "conversations",
              conversations,
              "calls",
              c.apiCalls(),
              "seconds",
              seconds,
              "minimum_seconds",
              minimum,
              "ratio",
              seconds / minimum,
              "rate_limited",
              c.rateLimited(),
              "busiest_window",
              c.busiestWindow(),
              "window_budget",
              c.windowBudget()));
    }
  }

  /** B3 engine speed against the floor, B4 memory at the large size, B5 admin reads. */
  private void b3b4b5(ApiClient api, LibertyServer server, Sizes sizes, Heap small)
      throws Exception {
    try (IntercomSimulator sim = simulator(13, sizes.b3(), 0)) {
      // The floor first: the same engine, client and parallelism, storing nothing, in this JVM.
      // Run twice, the second kept: the first warms this JVM's code as the server's is warm.
      double coldFloor = floor(sim);
      double floorSeconds = floor(sim);
      table.add(
          String.format(
              "                 floor = the second of two runs in the test's JVM (first %.1f s,"
                  + " second %.1f s); the simulator's search cache cleared before the product",
              coldFloor, floorSeconds));
      sim.clearCaches();
      sim.resetCounters();
      long gcFrom = gcLines(server).size();
      Account account = connect(api, sim, "b3", Plan.PAID);
      JsonObject run = awaitRun(api, account, "FIRST");
      double seconds = seconds(run);
      long fetched = run.getJsonNumber("fetched").longValue();
      Heap large = Heap.of(gcLines(server), gcFrom, sizes.b3());
      exactDocuments("B3", account, sim, run);
      row(
          "B3 engine",
          "%,d conversations in %.1f s = %,.0f conversations/s (goal >= 1,000); floor %.1f s:"
              + " %.2f x the floor (goal <= 1.3)",
          fetched,
          seconds,
          fetched / seconds,
          floorSeconds,
          seconds / floorSeconds);
      report.put(
          "b3_engine",
          Map.of(
              "conversations", fetched,
              "seconds", seconds,
              "conversations_per_second", fetched / seconds,
              "floor_seconds", floorSeconds,
              "ratio_to_floor", seconds / floorSeconds));
      row(
          "B4 memory",
          "peak heap after GC under -Xmx256m: %d MB at %,d conversations, %d MB at %,d: %+.0f%%"
              + " (goal within 20%%)",
          small.peakMb(),
          small.conversations(),
          large.peakMb(),
          large.conversations(),
          100.0 * (large.peakMb() - small.peakMb()) / Math.max(1, small.peakMb()));
      report.put(
          "b4_memory",
          Map.of(
              "xmx_mb", 256,
              "small", Map.of("conversations", small.conversations(), "peak_mb", small.peakMb()),
              "large", Map.of("conversations", large.conversations(), "peak_mb", large.peakMb())));

      String token = AdminTokens.token("bo", account.id().value(), "member");
      List<String> ids = new ArrayList<>(sim.oracle().qualifyingNewestFirst());
      Latencies alone = reads(api, token, ids, sizes.b5());
      // The same reads while another account's first sync of the same workspace runs.
      Account second = connect(api, sim, "b5", Plan.PAID);
      Latencies during = reads(api, token, ids, sizes.b5());
      awaitRun(api, second, "FIRST");
      row(
          "B5 admin reads",
          "%,d documents, 16 clients: list p50 %.1f ms p99 %.1f ms, info p50 %.1f ms p99 %.1f ms;"
              + " during a first sync: list p99 %.1f ms, info p99 %.1f ms (goal p99 < 50 ms)",
          ids.size(),
          alone.p(alone.list, 50),
          alone.p(alone.list, 99),
          alone.p(alone.info, 50),
          alone.p(alone.info, 99),
          during.p(during.list, 99),
          during.p(during.info, 99));
      report.put(
          "b5_admin_reads",
          Map.of(
              "documents", ids.size(),
              "clients", 16,
              "alone", alone.toMap(),
              "during_first_sync", during.toMap()));
    }
  }

  /**
   * The stored documents are the oracle's, as sets of ids (never an empty oracle), the run
   * COMPLETED, and the product's own kept and skipped counts are printed beside the oracle's.
   */
  private void exactDocuments(String name, Account account, IntercomSimulator sim, JsonObject run)
      throws Exception {
    Oracle oracle = sim.oracle();
    assertFalse(oracle.qualifyingNewestFirst().isEmpty(), name + ": the oracle is empty");
    assertEquals("COMPLETED", run.getString("state"), name + ": the run's final state");
    assertEquals(
        new java.util.TreeSet<>(oracle.qualifyingNewestFirst()),
        new java.util.TreeSet<>(TestDatabase.documentIds(account.id().value())),
        name + ": the stored documents are exactly the oracle's");
    long kept = run.getJsonNumber("kept").longValue();
    long skipped = run.getJsonNumber("skippedWithoutReply").longValue();
    table.add(
        String.format(
            "                 %s documents: the product kept %,d and skipped %,d without reply;"
                + " the oracle %,d and %,d (ids compared as sets)",
            name,
            kept,
            skipped,
            oracle.qualifyingNewestFirst().size(),
            oracle.skippedWithoutReply().size()));
    assertEquals(oracle.skippedWithoutReply().size(), skipped, name + ": skipped without reply");
  }

  /** A first sync of its own account, only to see the heap it needs (B4's small size). */
  private Heap heapOfFirstSync(ApiClient api, LibertyServer server, int conversations, long seed)
      throws Exception {
    try (IntercomSimulator sim = simulator(seed, conversations, 0)) {
      long gcFrom = gcLines(server).size();
      Account account = connect(api, sim, "b4", Plan.PAID);
      awaitRun(api, account, "FIRST");
      return Heap.of(gcLines(server), gcFrom, conversations);
    }
  }

  /**
   * The floor: the same engine with the same parallelism and the same adapter over the JDK's
   * client, every fetch and parse and mapping, nothing stored.
   */
  private double floor(IntercomSimulator sim) {
    AccountId id = new AccountId("floor");
    Instant now = Instant.now();
    InMemoryConnections connections = new InMemoryConnections();
    connections.save(
        new Connection(
            id,
            new Workspace(new WorkspaceId(sim.config().appId()), "Floor", Region.US),
            new AccessToken("sim-token"),
            ConnectionState.CONNECTED,
            "bench",
            now,
            new HistoryCoverage.NotYet(),
            Optional.empty()));
    ExecutorService pool = Executors.newCachedThreadPool();
    try {
      SyncService engine =
          new SyncService(
              new InMemoryAccounts().with(new Account(id, "Floor", Plan.PAID)),
              connections,
              JdkIntercom.workspaces(
                  IntercomSettings.forIntercom(
                          "sim-client", "sim-client-secret", URI.create("http://localhost/cb"))
                      .pointedAt(sim.baseUri())),
              new DiscardingStore(),
              PlanLimits.DEFAULT,
              DocumentMappings.always(new DocumentMapping(MappingSettings.DEFAULT)),
              Clock.systemUTC(),
              (conversation, file) -> "/f/" + file,
              new InMemorySyncRuns(),
              new Fetchers(pool, 8),
              HistoryParts.DEFAULT,
              com.feedbacksync.application.sync.DeadLetterBackoff.DEFAULT);
      long start = System.nanoTime();
      SyncOutcome outcome =
          engine.run(
              id,
              SyncKind.FIRST,
              new com.feedbacksync.application.model.LeaseToken(id, "sync", "floor", 1));
      double seconds = (System.nanoTime() - start) / 1e9;
      assertTrue(outcome instanceof SyncOutcome.Completed, outcome.toString());
      return seconds;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Stores nothing: what the floor leaves out. */
  private static final class DiscardingStore implements SyncStore {
    @Override
    public Map<ConversationId, SyncedConversation> synced(
        AccountId account,
        com.feedbacksync.domain.intercom.WorkspaceId workspace,
        Collection<ConversationId> ids) {
      return Map.of();
    }

    @Override
    public java.util.Set<com.feedbacksync.domain.intercom.ContactId> profiled(
        AccountId account,
        com.feedbacksync.domain.intercom.WorkspaceId workspace,
        Collection<com.feedbacksync.domain.intercom.ContactId> contacts) {
      return java.util.Set.of();
    }

    @Override
    public Checkpoint checkpoint(AccountId account, SyncStream stream) {
      return Checkpoint.START;
    }

    @Override
    public List<com.feedbacksync.application.model.SkippedItem> deadLetters(
        AccountId account, com.feedbacksync.domain.intercom.WorkspaceId workspace, int limit) {
      return List.of();
    }

    @Override
    public long maxFileBytes() {
      return Long.MAX_VALUE;
    }

    @Override
    public void commit(AccountId account, SyncBatch batch) {}

    @Override
    public void commit(
        AccountId account, SyncBatch batch, com.feedbacksync.application.model.LeaseToken lease) {}

    @Override
    public void purge(AccountId account) {}

    @Override
    public void startWorkspace(
        AccountId account, com.feedbacksync.domain.intercom.WorkspaceId workspace) {}
  }

  /** 16 clients reading the document list and Document Info for a while; latencies in ms. */
  private Latencies reads(ApiClient api, String token, List<String> ids, Duration duration)
      throws Exception {
    List<Double> list = Collections.synchronizedList(new ArrayList<>());
    List<Double> info = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean go = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(16);
    List<java.util.concurrent.Future<?>> running = new ArrayList<>();
    for (int c = 0; c < 16; c++) {
      int client = c;
      running.add(
          clients.submit(
              () -> {
                ApiClient own = new ApiClient(api.uri("").toURL());
                while (go.get()) {
                  boolean listing = client % 2 == 0;
                  String path =
                      listing
                          ? "api/v1/documents?limit=25"
                          : "api/v1/documents/"
                              + ids.get(ThreadLocalRandom.current().nextInt(ids.size()))
                              + "/info";
                  long t = System.nanoTime();
                  int status = own.get(path, token).statusCode();
                  double ms = (System.nanoTime() - t) / 1e6;
                  assertEquals(200, status, path);
                  (listing ? list : info).add(ms);
                }
                return null;
              }));
    }
    // The first second warms connections and caches; the window after it is measured.
    Thread.sleep(1000);
    list.clear();
    info.clear();
    Thread.sleep(duration.toMillis());
    go.set(false);
    for (var f : running) {
      f.get();
    }
    clients.shutdown();
    return new Latencies(List.copyOf(list), List.copyOf(info));
  }

  record Latencies(List<Double> list, List<Double> info) {
    double p(List<Double> values, int percentile) {
      List<Double> sorted = values.stream().sorted().toList();
      return sorted.isEmpty()
          ? -1
          : sorted.get(
              Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    Map<String, Object> toMap() {
      return Map.of(
          "list_requests", list.size(),
          "list_p50_ms", p(list, 50),
          "list_p99_ms", p(list, 99),
          "info_requests", info.size(),
          "info_p50_ms", p(info, 50),
          "info_p99_ms", p(info, 99));
    }
  }

  /** The largest heap left after a collection while one run went: what the run kept alive. */
  record Heap(int conversations, long peakMb) {
    static Heap of(List<String> gcLines, long from, int conversations) {
      long peak = 0;
      for (String line : gcLines.subList((int) from, gcLines.size())) {
        Matcher m = GC_AFTER.matcher(line);
        if (m.find()) {
          peak = Math.max(peak, Long.parseLong(m.group(1)));
        }
      }
      return new Heap(conversations, peak);
    }
  }

  private static List<String> gcLines(LibertyServer server) throws Exception {
    Path log = server.file("logs/gc.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  private static IntercomSimulator simulator(long seed, int conversations, long perMinute) {
    return IntercomSimulator.start(
        SimulatorConfig.defaults(seed, conversations)
            .withRatePerMinute(perMinute)
            .withPort(SIM_PORT));
  }

  private static Account connect(ApiClient api, IntercomSimulator sim, String prefix, Plan plan)
      throws Exception {
    AccountId id = new AccountId(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    TestDatabase.insertAccount(id.value(), "Bench " + prefix, plan.name());
    String admin = AdminTokens.token("ada", id.value(), "admin");
    String query = api.allow(sim, api.beginConnect(admin));
    assertEquals(
        200, api.get("api/v1/integrations/intercom/callback?" + query, admin).statusCode());
    return new Account(id, "Bench " + prefix, plan);
  }

  private static void syncNow(ApiClient api, Account account) throws Exception {
    String admin = AdminTokens.token("ada", account.id().value(), "admin");
    assertEquals(
        202, api.send("POST", "api/v1/integrations/intercom/sync", admin, null).statusCode());
  }

  /** Waits for the account's latest run of this kind to finish; returns it. */
  private static JsonObject awaitRun(ApiClient api, Account account, String kind) throws Exception {
    String token = AdminTokens.token("bo", account.id().value(), "member");
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    while (System.nanoTime() < deadline) {
      var response = api.get("api/v1/integrations/intercom/runs?limit=5", token);
      JsonArray runs = Json.createReader(new java.io.StringReader(response.body())).readArray();
      for (JsonObject run : runs.getValuesAs(JsonObject.class)) {
        if (run.getString("kind").equals(kind) && !run.getString("state").equals("RUNNING")) {
          assertEquals("COMPLETED", run.getString("state"), run.toString());
          return run;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError(kind + " run of " + account.id() + " did not finish");
  }

  private static double seconds(JsonObject run) {
    return Duration.between(
                Instant.parse(run.getString("startedAt")),
                Instant.parse(run.getString("finishedAt")))
            .toNanos()
        / 1e9;
  }

  private static long oauthCalls(Counters c) {
    return c.callsByEndpoint().entrySet().stream()
        .filter(
            e ->
                e.getKey().contains("oauth")
                    || e.getKey().contains("/me")
                    || e.getKey().startsWith("POST /auth"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private void row(String name, String format, Object... args) {
    String line = String.format("%-16s %s", name, String.format(format, args));
    table.add(line);
    System.out.println(line);
  }

  /** What actually ran: read from the runtime, the libraries and the database, not typed in. */
  private static JsonObjectBuilder versions() throws Exception {
    java.util.Properties liberty = new java.util.Properties();
    try (var in =
        Files.newInputStream(Path.of("target/liberty/wlp/lib/versions/openliberty.properties"))) {
      liberty.load(in);
    }
    String mariadb;
    String driver;
    try (var c = TestDatabase.connect();
        var rs = c.createStatement().executeQuery("SELECT VERSION()")) {
      rs.next();
      mariadb = rs.getString(1);
      driver = c.getMetaData().getDriverVersion();
    }
    return Json.createObjectBuilder()
        .add("open_liberty", liberty.getProperty("com.ibm.websphere.productVersion", "?"))
        .add("hibernate", org.hibernate.Version.getVersionString())
        .add("mariadb_java_client", driver)
        .add("mariadb", mariadb);
  }

  private void write(String size) throws Exception {
    JsonObjectBuilder machine =
        Json.createObjectBuilder()
            .add("cores", Runtime.getRuntime().availableProcessors())
            .add("os", System.getProperty("os.name") + " " + System.getProperty("os.version"))
            .add("java", System.getProperty("java.vm.name") + " " + Runtime.version())
            .add("test_jvm", ManagementFactory.getRuntimeMXBean().getName());
    JsonObject out =
        Json.createObjectBuilder()
            .add("date", Instant.now().toString())
            .add("size", size)
            .add("machine", machine)
            .add("versions", versions())
            .add("results", Json.createObjectBuilder(report))
            .add("table", Json.createArrayBuilder(table))
            .build();
    Path dir = Path.of("target/benchmark");
    Files.createDirectories(dir);
    try (var w =
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
            .createWriter(Files.newBufferedWriter(dir.resolve("report.json")))) {
      w.write(out);
    }
    System.out.println("\nbenchmark (" + size + "):\n  " + String.join("\n  ", table));
    System.out.println("report: " + dir.toAbsolutePath().resolve("report.json"));
  }
}
