package com.feedbacksync.adapters.web.benchmark;

import com.feedbacksync.adapters.web.support.ApiClient;
import com.feedbacksync.adapters.web.support.LibertyServer;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.simulator.IntercomSimulator;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * B4, memory stays flat as volume grows: the server's peak live heap (under -Xmx256m) during a
 * first sync of the small size and of B3's, each on a sync of its own ({@link LiveHeap}). G1's heap
 * after its young collections, the figure B4 gave before, is still printed beside it.
 */
final class MemoryBenchmark {

  private static final Pattern GC_AFTER = Pattern.compile("->(\\d+)M\\(");

  private final ApiClient api;
  private final LibertyServer server;
  private final BenchmarkReport report;

  MemoryBenchmark(ApiClient api, LibertyServer server, BenchmarkReport report) {
    this.api = api;
    this.server = server;
    this.report = report;
  }

  /** G1's largest heap after a collection over a stretch of the run: kept data and old garbage. */
  record Heap(int conversations, long peakMb) {}

  /** Where the server's GC log is now, to read a stretch of it from there. */
  long gcMark() throws Exception {
    return gcLines().size();
  }

  Heap since(long gcMark, int conversations) throws Exception {
    List<String> lines = gcLines();
    long peak = 0;
    for (String line : lines.subList((int) gcMark, lines.size())) {
      Matcher m = GC_AFTER.matcher(line);
      if (m.find()) {
        peak = Math.max(peak, Long.parseLong(m.group(1)));
      }
    }
    return new Heap(conversations, peak);
  }

  /** A first sync of its own account, untimed and unsampled; G1's heap while it ran. */
  Heap firstSync(int conversations, long seed) throws Exception {
    try (IntercomSimulator sim = Bench.simulator(seed, conversations, 0)) {
      long from = gcMark();
      Account account = Bench.connect(api, sim, "b4", Plan.PAID);
      Bench.awaitRun(api, account, "FIRST");
      return since(from, conversations);
    }
  }

  /**
   * B4's row: the live heap of a first sync at each size; with G1's figures when the run has them
   * ({@code g1Small} and {@code g1Large} may be absent when B4 runs alone).
   */
  void run(int small, int large, Heap g1Small, Heap g1Large) throws Exception {
    List<LiveHeap.Sample> atSmall = live(small, 42);
    List<LiveHeap.Sample> atLarge = live(large, 43);
    long smallMb = peak(atSmall);
    long largeMb = peak(atLarge);
    report.row(
        "B4 memory",
        "peak live heap under -Xmx256m: %d MB at %,d conversations, %d MB at %,d: %+.0f%%"
            + " (goal within 20%%)",
        smallMb,
        small,
        largeMb,
        large,
        100.0 * (largeMb - smallMb) / Math.max(1, smallMb));
    report.note(
        "B4 live heap = after a full collection (jcmd GC.run) at 5, 15, ..., 95 %% of a first"
            + " sync's retrieves, on syncs of their own: %,d conversations %s; %,d %s",
        small, atSmall, large, atLarge);
    if (g1Small != null && g1Large != null) {
      report.note(
          "B4 G1's heap after young collections (old garbage no marking cycle has reclaimed"
              + " included; B4's figure until now): %d MB at %,d, %d MB at %,d (B3's sync)",
          g1Small.peakMb(), g1Small.conversations(), g1Large.peakMb(), g1Large.conversations());
    }
    report.put(
        "b4_memory",
        Map.of(
            "xmx_mb", 256,
            "small", Map.of("conversations", small, "live_peak_mb", smallMb),
            "large", Map.of("conversations", large, "live_peak_mb", largeMb)));
  }

  private List<LiveHeap.Sample> live(int conversations, long seed) throws Exception {
    try (IntercomSimulator sim = Bench.simulator(seed, conversations, 0)) {
      int kept = sim.oracle().qualifyingNewestFirst().size();
      try (LiveHeap live = LiveHeap.during(server, sim, kept)) {
        Account account = Bench.connect(api, sim, "b4", Plan.PAID);
        JsonObject run = Bench.awaitRun(api, account, "FIRST");
        Bench.exactDocuments(report, "B4", account, sim, run);
        return live.samples();
      }
    }
  }

  private static long peak(List<LiveHeap.Sample> samples) {
    return samples.stream().mapToLong(LiveHeap.Sample::mb).max().orElseThrow();
  }

  private List<String> gcLines() throws Exception {
    Path log = server.file("logs/gc.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }
}
