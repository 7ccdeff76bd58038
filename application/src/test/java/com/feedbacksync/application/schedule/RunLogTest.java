package com.feedbacksync.application.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.fakes.CountingRunMetrics;
import com.feedbacksync.application.fakes.FollowingClock;
import com.feedbacksync.application.fakes.InMemoryAccounts;
import com.feedbacksync.application.fakes.InMemoryConnections;
import com.feedbacksync.application.fakes.InMemoryLeases;
import com.feedbacksync.application.fakes.InMemorySyncRuns;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.LeaseToken;
import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.model.WebhookItem;
import com.feedbacksync.application.port.in.SyncIntercomUseCase;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.Schedules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every run the scheduler ends leaves exactly one line an operator can act on. */
class RunLogTest {

  private static final AccountId ACME = new AccountId("acme");
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private static final Duration RUN_TAKES = Duration.ofMillis(2500);

  /** Held here: JUL keeps only weak references to its loggers. */
  private final Logger runLogger = Logger.getLogger("com.feedbacksync.runs");

  private final List<LogRecord> lines = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          lines.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private final InMemoryConnections connections = new InMemoryConnections();
  private final InMemorySyncRuns runs = new InMemorySyncRuns();
  private Instant now = NOW;
  private final CountingRunMetrics metered = new CountingRunMetrics();

  @BeforeEach
  void listen() {
    runLogger.addHandler(capture);
    connections.save(
        InMemoryConnections.connection(
            ACME,
            ConnectionState.CONNECTED,
            NOW.minusSeconds(7200),
            new HistoryCoverage.Complete()));
  }

  @AfterEach
  void stopListening() {
    runLogger.removeHandler(capture);
  }

  @Test
  void a_completed_run_is_one_info_line_with_its_account_kind_id_duration_and_counts() {
    String run =
        tick(() -> new SyncOutcome.Completed(new RunCounts(12, 7, 5, 3, 2, 1, 4, 40, 0, 1)));

    String line = only(Level.INFO);
    assertTrue(line.startsWith("sync run finished: run=" + run + " "), line);
    assertField(line, "account", "acme");
    assertField(line, "kind", "HOURLY");
    assertField(line, "outcome", "COMPLETED");
    assertField(line, "durationMs", "2500");
    assertField(line, "kept", "7");
    assertField(line, "profiles", "4");
    assertField(line, "apiCalls", "40");
    assertField(line, "unreadable", "1");
  }

  @Test
  void every_ended_run_is_counted_once_by_kind_and_outcome_with_its_duration_and_writes() {
    tick(() -> new SyncOutcome.Completed(new RunCounts(12, 7, 5, 3, 2, 1, 4, 40, 0, 1)));
    now = now.plus(Duration.ofHours(2));
    tick(() -> new SyncOutcome.Failed("Intercom answered 503", RunCounts.NONE));

    assertEquals(
        List.of(
            "HOURLY COMPLETED 2500ms kept=7 profiles=4", "HOURLY FAILED 2500ms kept=0 profiles=0"),
        metered.ended());
  }

  @Test
  void a_failed_run_is_one_warn_line_with_its_reason_on_one_line_and_the_next_attempt() {
    String run =
        tick(
            () ->
                new SyncOutcome.Failed(
                    "GET /conversations answered 503: \"busy\"\nretry later", RunCounts.NONE));

    String line = only(Level.WARNING);
    assertTrue(line.startsWith("sync run failed: run=" + run + " "), line);
    assertField(line, "account", "acme");
    assertField(line, "kind", "HOURLY");
    assertField(line, "outcome", "FAILED");
    assertTrue(
        line.contains(" reason=\"GET /conversations answered 503: \\\"busy\\\" retry later\""),
        line);
    // The first failure waits a minute, shortened by at most a quarter, from the run's end.
    Instant next = Instant.parse(field(line, "nextAttempt"));
    Instant ended = NOW.plus(RUN_TAKES);
    assertTrue(
        !next.isBefore(ended.plusSeconds(45)) && !next.isAfter(ended.plusSeconds(60)),
        "next attempt " + next + " for a run that ended " + ended);
  }

  @Test
  void a_revoked_token_waits_for_an_admin_to_reconnect() {
    tick(() -> new SyncOutcome.NeedsReauth(RunCounts.NONE));

    String line = only(Level.WARNING);
    assertField(line, "outcome", "NEEDS_REAUTH");
    assertField(line, "nextAttempt", "after-reconnect");
    assertTrue(line.contains("reason=\"Intercom refused the access token"), line);
  }

  @Test
  void a_run_that_throws_is_logged_as_failed_too() {
    // On its own thread, as the server's executor runs it: what it throws ends there.
    List<Throwable> uncaught = new ArrayList<>();
    Executor thread =
        task -> {
          Thread t = new Thread(task);
          t.setUncaughtExceptionHandler((th, e) -> uncaught.add(e));
          t.start();
          try {
            t.join();
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
        };
    tick(
        () -> {
          throw new IllegalStateException("boom");
        },
        thread);

    assertEquals("boom", uncaught.get(0).getMessage());
    String line = only(Level.WARNING);
    assertTrue(line.contains(" reason=\"Unexpected error: boom\""), line);
    assertField(line, "outcome", "FAILED");
  }

  @Test
  void a_cancelled_run_is_not_a_failure() {
    tick(() -> new SyncOutcome.Cancelled("Cancelled: Intercom was disconnected.", RunCounts.NONE));

    assertField(only(Level.INFO), "outcome", "CANCELLED");
  }

  /** One tick of a scheduler whose run takes {@link #RUN_TAKES} and ends as {@code outcome}. */
  private String tick(Supplier<SyncOutcome> outcome) {
    return tick(outcome, Runnable::run);
  }

  private String tick(Supplier<SyncOutcome> outcome, Executor executor) {
    SyncIntercomUseCase sync =
        new SyncIntercomUseCase() {
          @Override
          public SyncOutcome run(AccountId account, SyncKind kind, LeaseToken held) {
            now = now.plus(RUN_TAKES);
            return outcome.get();
          }

          @Override
          public SyncOutcome resync(AccountId account, List<WebhookItem> items, LeaseToken held) {
            throw new AssertionError("no webhook run here");
          }
        };
    SchedulingService scheduler =
        new SchedulingService(
            new InMemoryAccounts().with(new Account(ACME, "Acme", Plan.START)),
            connections,
            runs,
            new InMemoryLeases(() -> now),
            sync,
            Schedules.DEFAULT,
            executor,
            new FollowingClock(() -> now),
            "test",
            SchedulingService.DEFAULT_LEASE,
            FailureBackoff.DEFAULT,
            new WebhookQueue(10, 10),
            metered);
    List<String> started = scheduler.tick();
    assertEquals(1, started.size());
    return started.get(0);
  }

  /** The one line the run left; it has the level given, and nothing else was logged. */
  private String only(Level level) {
    assertEquals(
        1, lines.size(), "one line per run: " + lines.stream().map(r -> r.getMessage()).toList());
    assertEquals(level, lines.get(0).getLevel());
    return lines.get(0).getMessage();
  }

  private static void assertField(String line, String key, String expected) {
    assertEquals(expected, field(line, key), key + " in " + line);
  }

  private static String field(String line, String key) {
    Matcher m = Pattern.compile(" " + key + "=([^ ]+)").matcher(line);
    assertTrue(m.find(), key + " in " + line);
    return m.group(1);
  }
}
