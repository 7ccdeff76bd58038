package com.feedbacksync.application.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.connection.IntegrationStatusService;
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
import com.feedbacksync.application.port.in.ViewIntegrationUseCase.IntegrationStatus;
import com.feedbacksync.application.port.out.SyncRuns.FailureStreak;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.Schedules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Failing runs back off per account (1, 2, 4 ... minutes, at most an hour, with jitter), driven
 * tick by tick with a clock the test moves: no real minute passes.
 */
class FailureBackoffTest {

  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private static final AccountId ACME = new AccountId("acme");
  private static final AccountId OTHER = new AccountId("other");

  private Instant now = T0;
  private boolean intercomDown = true;
  private final List<String> started = new ArrayList<>();
  private final InMemoryAccounts accounts =
      new InMemoryAccounts()
          .with(new Account(ACME, "Acme", Plan.START))
          .with(new Account(OTHER, "Other", Plan.START));
  private final InMemoryConnections connections = new InMemoryConnections();
  private final InMemorySyncRuns runs = new InMemorySyncRuns();
  private final CountingRunMetrics metrics = new CountingRunMetrics();

  private final SyncIntercomUseCase sync =
      new SyncIntercomUseCase() {
        @Override
        public SyncOutcome run(AccountId account, SyncKind kind, LeaseToken held) {
          started.add(account.value() + ":" + kind);
          now = now.plusSeconds(20); // a failing run spends its retries
          return intercomDown && account.equals(ACME)
              ? new SyncOutcome.Failed("Intercom did not answer properly", RunCounts.NONE)
              : new SyncOutcome.Completed(RunCounts.NONE);
        }

        @Override
        public SyncOutcome resync(AccountId account, List<WebhookItem> items, LeaseToken held) {
          throw new UnsupportedOperationException();
        }
      };

  private final SchedulingService scheduler =
      new SchedulingService(
          accounts,
          connections,
          runs,
          new InMemoryLeases(),
          sync,
          Schedules.DEFAULT,
          Runnable::run,
          new FollowingClock(() -> now),
          "server-a",
          SchedulingService.DEFAULT_LEASE,
          FailureBackoff.DEFAULT,
          new WebhookQueue(10, 10),
          metrics);

  private void connect(AccountId account, HistoryCoverage coverage) {
    connections.save(
        InMemoryConnections.connection(
            account, ConnectionState.CONNECTED, T0.minusSeconds(86_400), coverage));
  }

  /** Ticks every {@code every} until {@code until}; returns the runs started meanwhile. */
  private List<String> tick(Duration every, Instant until) {
    int before = started.size();
    while (now.isBefore(until)) {
      scheduler.tick();
      now = now.plus(every);
    }
    return List.copyOf(started.subList(before, started.size()));
  }

  private long of(List<String> runs, AccountId account) {
    return runs.stream().filter(r -> r.startsWith(account.value() + ":")).count();
  }

  @Test
  void an_account_failing_for_ten_minutes_of_ticks_starts_at_most_five_runs() {
    connect(ACME, new HistoryCoverage.Complete());
    connect(OTHER, new HistoryCoverage.Complete());

    List<String> ran = tick(Duration.ofSeconds(10), T0.plus(Duration.ofMinutes(10)));

    long failing = of(ran, ACME);
    assertTrue(failing <= 5, "a failing account started " + failing + " runs: " + ran);
    assertTrue(failing >= 3, "and it kept trying (1, 2, 4 minutes): " + ran);
    assertEquals(
        List.of("other:HOURLY", "other:CUSTOMERS"),
        ran.stream().filter(r -> r.startsWith("other:")).toList(),
        "the healthy account kept its own schedule");
  }

  @Test
  void a_failing_first_sync_backs_off_too_and_is_retried_as_a_first_sync() {
    connect(ACME, new HistoryCoverage.NotYet());

    List<String> ran = tick(Duration.ofSeconds(10), T0.plus(Duration.ofMinutes(10)));

    assertTrue(of(ran, ACME) <= 5, ran.toString());
    assertTrue(ran.stream().allMatch(r -> r.equals("acme:FIRST")), ran.toString());
  }

  @Test
  void the_waits_double_up_to_an_hour_with_at_most_a_quarter_of_jitter() {
    for (int failures = 1; failures <= 9; failures++) {
      Duration full = Duration.ofMinutes(Math.min(60, 1L << (failures - 1)));
      Duration wait = FailureBackoff.DEFAULT.wait(ACME, failures);
      assertTrue(wait.compareTo(full) <= 0, failures + " failures: " + wait + " > " + full);
      assertTrue(
          wait.compareTo(full.multipliedBy(3).dividedBy(4)) >= 0,
          failures + " failures: " + wait + " < 3/4 of " + full);
    }
    assertTrue(
        !FailureBackoff.DEFAULT.wait(ACME, 3).equals(FailureBackoff.DEFAULT.wait(OTHER, 3))
            || !FailureBackoff.DEFAULT.wait(ACME, 4).equals(FailureBackoff.DEFAULT.wait(OTHER, 4)),
        "accounts draw different jitter");
  }

  @Test
  void once_a_run_completes_the_hourly_schedule_takes_over_again() {
    connect(ACME, new HistoryCoverage.Complete());
    tick(Duration.ofSeconds(10), T0.plus(Duration.ofMinutes(10)));
    intercomDown = false;

    List<String> ran = tick(Duration.ofSeconds(10), T0.plus(Duration.ofMinutes(40)));

    assertEquals(1, ran.stream().filter(r -> r.equals("acme:HOURLY")).count(), ran.toString());
    assertTrue(runs.failing(ACME).isEmpty());
  }

  @Test
  void the_status_shows_when_the_next_sync_comes_and_why_it_waits() {
    connect(ACME, new HistoryCoverage.Complete());
    tick(Duration.ofSeconds(10), T0.plus(Duration.ofMinutes(5)));
    IntegrationStatusService status =
        new IntegrationStatusService(
            connections,
            runs,
            Schedules.DEFAULT,
            new FollowingClock(() -> now),
            FailureBackoff.DEFAULT);

    IntegrationStatus shown = status.status(ACME);

    FailureStreak streak = runs.failing(ACME).orElseThrow();
    assertEquals(
        FailureBackoff.DEFAULT.next(ACME, streak).isAfter(now)
            ? FailureBackoff.DEFAULT.next(ACME, streak)
            : now,
        shown.nextSync().orElseThrow());
    assertTrue(
        shown.nextSyncReason().orElseThrow().contains("syncs failed"),
        shown.nextSyncReason().toString());
    assertTrue(shown.nextSync().orElseThrow().isBefore(now.plus(Duration.ofHours(1))));
  }

  @Test
  void runs_older_than_the_retention_are_pruned_and_recent_ones_kept() {
    connect(ACME, new HistoryCoverage.Complete());
    runs.finish(
        runs.start(ACME, SyncKind.HOURLY, T0.minus(Duration.ofDays(91)), "a"),
        new SyncOutcome.Completed(RunCounts.NONE),
        T0.minus(Duration.ofDays(91)));
    runs.finish(
        runs.start(ACME, SyncKind.HOURLY, T0.minus(Duration.ofDays(89)), "a"),
        new SyncOutcome.Completed(RunCounts.NONE),
        T0.minus(Duration.ofDays(89)));

    int pruned =
        new RunRetention(runs, new FollowingClock(() -> now), RunRetention.DEFAULT).prune();

    assertEquals(1, pruned);
    assertEquals(1, runs.runs.size());
    assertEquals(T0.minus(Duration.ofDays(89)), runs.runs.get(0).startedAt);
  }
}
