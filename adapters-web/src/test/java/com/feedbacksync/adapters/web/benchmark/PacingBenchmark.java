package com.feedbacksync.adapters.web.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.feedbacksync.adapters.web.support.ApiClient;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.simulator.Counters;
import com.feedbacksync.simulator.IntercomSimulator;
import com.feedbacksync.simulator.TimedCall;
import jakarta.json.JsonObject;
import java.awt.GraphicsEnvironment;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * B2: a first sync under Intercom's limit of 10,000 calls a minute, its wall time against the
 * rate-limit floor of its own calls ({@link PacingFloor}), its 429s; and the chart of it: the
 * simulator's calls per 10-s window against the limit, the documents in the database over time.
 */
final class PacingBenchmark {

  static final long PER_MINUTE = 10_000;
  static final Path CHART = BenchmarkReport.DIR.resolve("first-sync.png");

  /** How often the documents are counted during the sync. */
  private static final Duration SAMPLING = Duration.ofMillis(250);

  private final ApiClient api;
  private final BenchmarkReport report;

  PacingBenchmark(ApiClient api, BenchmarkReport report) {
    this.api = api;
    this.report = report;
  }

  void run(int conversations, String size) throws Exception {
    try (IntercomSimulator sim = Bench.simulator(12, conversations, PER_MINUTE)) {
      double loadBefore = loadAverage();
      AccountId id = Bench.newAccountId("b2");
      Account account;
      JsonObject run;
      DocumentsPoller poller = DocumentsPoller.start(id.value(), SAMPLING);
      try (poller) {
        account = Bench.connect(api, sim, id, Plan.PAID);
        run = Bench.awaitRun(api, account, "FIRST");
      }
      double loadAfter = loadAverage();
      Bench.exactDocuments(report, "B2", account, sim, run);
      Counters c = sim.counters();
      List<TimedCall> timeline = sim.callTimeline();
      assertEquals(c.apiCalls(), timeline.size(), "B2: every call passed the rate limiter");
      // The connect's token exchange, /me and access check come first, one after the other,
      // before the run starts; the rest are the run's.
      int connectCalls = (int) (Bench.oauthCalls(c) + 1);
      List<TimedCall> runCalls = timeline.subList(connectCalls, timeline.size());
      PacingFloor floor = PacingFloor.of(runCalls, c.windowBudget());
      double seconds = Bench.seconds(run);
      List<CallWindows.Window> windows = CallWindows.of(runCalls);
      long touched = windows.stream().filter(w -> w.calls() > 0).count();
      report.note("B2 %s", floor.explain());
      report.note(
          "B2 its calls fell in %d windows (the fewest possible %d); 1-min load average %.2f"
              + " before, %.2f after",
          touched, floor.windows(), loadBefore, loadAfter);
      assertEquals(0, c.rateLimited(), "paced: no 429");
      report.row(
          "B2 pacing",
          "%,d conversations, %,d run calls in %.1f s at %,d calls/min;"
              + " rate-limit floor of its calls %.1f s: %s (goal <= 1.05); 429s %d (goal 0);"
              + " busiest 10 s window %,d of %,d",
          conversations,
          runCalls.size(),
          seconds,
          PER_MINUTE,
          floor.seconds(),
          floor.binds()
              ? String.format("%.3f x", seconds / floor.seconds())
              : "no ratio, its calls fit in one window",
          c.rateLimited(),
          c.busiestWindow(),
          c.windowBudget());
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("conversations", conversations);
      figures.put("calls", c.apiCalls());
      figures.put("run_calls", runCalls.size());
      figures.put("seconds", seconds);
      figures.put("floor_seconds", floor.seconds());
      figures.put("floor_windows", floor.windows());
      figures.put("windows_touched", touched);
      figures.put("calls_per_window", windows.stream().map(CallWindows.Window::calls).toList());
      if (floor.binds()) {
        figures.put("ratio", seconds / floor.seconds());
      }
      figures.put("rate_limited", c.rateLimited());
      figures.put("busiest_window", c.busiestWindow());
      figures.put("window_budget", c.windowBudget());
      figures.put("load_average_before", loadBefore);
      figures.put("load_average_after", loadAfter);
      figures.put("chart", CHART.toString());
      report.put("b2_pacing", figures);
      List<DocumentSample> samples = poller.samples();
      chart(timeline, samples, c.windowBudget(), conversations, size, seconds, floor);
      assertEquals(
          run.getJsonNumber("kept").longValue(),
          samples.get(samples.size() - 1).documents(),
          "B2: the last count of documents is the run's kept");
    }
  }

  private void chart(
      List<TimedCall> timeline,
      List<DocumentSample> samples,
      long perWindow,
      int conversations,
      String size,
      double seconds,
      PacingFloor floor)
      throws Exception {
    FirstSyncChart.write(
        CHART,
        ChartSeries.of(timeline, samples),
        perWindow,
        String.format(
            "First sync of %,d conversations at %,d Intercom calls/min", conversations, PER_MINUTE),
        String.format(
            "benchmark size %s, %s; %.1f s, rate-limit floor %.1f s; calls as the simulator's"
                + " rate limiter counted them, documents counted in MariaDB every %d ms",
            size,
            Instant.now().toString().substring(0, 10),
            seconds,
            floor.seconds(),
            SAMPLING.toMillis()));
    report.note(
        "B2 chart: %s (headless AWT: %s)",
        CHART.toAbsolutePath(), GraphicsEnvironment.isHeadless());
  }

  /** The machine's 1-minute load average (-1 where the OS does not tell). */
  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
