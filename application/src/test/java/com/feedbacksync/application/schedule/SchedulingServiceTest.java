package com.feedbacksync.application.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.fakes.CountingRunMetrics;
import com.feedbacksync.application.fakes.InMemoryAccounts;
import com.feedbacksync.application.fakes.InMemoryConnections;
import com.feedbacksync.application.fakes.InMemoryLeases;
import com.feedbacksync.application.fakes.InMemorySyncRuns;
import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.LeaseToken;
import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.RunState;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.model.WebhookItem;
import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.HistoryPosition;
import com.feedbacksync.domain.sync.Schedules;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class SchedulingServiceTest {

  private static final AccountId ACME = new AccountId("acme");
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  private final InMemoryAccounts accounts =
      new InMemoryAccounts().with(new Account(ACME, "Acme", Plan.START));
  private final InMemoryConnections connections = new InMemoryConnections();

  /** Every account the scheduler reads, in order: an idle tick should read none it cannot start. */
  private final List<AccountId> accountReads = new ArrayList<>();

  private final Accounts readAccounts =
      (Accounts)
          Proxy.newProxyInstance(
              Accounts.class.getClassLoader(),
              new Class<?>[] {Accounts.class},
              (proxy, method, args) -> {
                if (method.getName().equals("find")) {
                  accountReads.add((AccountId) args[0]);
                }
                try {
                  return method.invoke(accounts, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
  private final InMemorySyncRuns runs = new InMemorySyncRuns();
  private final CountingRunMetrics metrics = new CountingRunMetrics();

  /** The leases' clock: the database's, whatever the servers' clocks say. */
  private Instant database = NOW;

  private final InMemoryLeases leases = new InMemoryLeases(() -> database);
  private final List<SyncKind> ran = new ArrayList<>();
  private final List<Runnable> queued = new ArrayList<>();
  private final Executor later = queued::add;
  private final List<AccountId> ranFor = new ArrayList<>();
  private final List<List<WebhookItem>> resynced = new ArrayList<>();
  private final WebhookQueue queue = new WebhookQueue(100, 100);

  private SchedulingService scheduler(Executor executor, String owner) {
    return scheduler(executor, owner, () -> NOW, SchedulingService.DEFAULT_LEASE);
  }

  private SchedulingService scheduler(
      Executor executor,
      String owner,
      java.util.function.Supplier<Instant> time,
      java.time.Duration lease) {
    return scheduler(executor, owner, time, lease, runs, leases);
  }

  private SchedulingService scheduler(
      Executor executor,
      String owner,
      java.util.function.Supplier<Instant> time,
      java.time.Duration lease,
      com.feedbacksync.application.port.out.SyncRuns runs,
      com.feedbacksync.application.port.out.Leases leases) {
    return new SchedulingService(
        readAccounts,
        connections,
        runs,
        leases,
        new com.feedbacksync.application.port.in.SyncIntercomUseCase() {
          @Override
          public SyncOutcome run(AccountId account, SyncKind kind, LeaseToken held) {
            ran.add(kind);
            ranFor.add(account);
            return new SyncOutcome.Completed(RunCounts.NONE);
          }

          @Override
          public SyncOutcome resync(AccountId account, List<WebhookItem> items, LeaseToken held) {
            ran.add(SyncKind.WEBHOOK);
            resynced.add(items);
            return new SyncOutcome.Completed(RunCounts.NONE);
          }
        },
        Schedules.DEFAULT,
        executor,
        new com.feedbacksync.application.fakes.FollowingClock(time),
        owner,
        lease,
        FailureBackoff.DEFAULT,
        queue,
        metrics);
  }

  private void connect(HistoryCoverage coverage) {
    connections.save(
        InMemoryConnections.connection(
            ACME, ConnectionState.CONNECTED, NOW.minusSeconds(7200), coverage));
  }

  @Test
  void starts_the_first_sync_of_a_new_connection() {
    connect(new HistoryCoverage.NotYet());
    assertEquals(1, scheduler(Runnable::run, "a").tick().size());
    assertEquals(List.of(SyncKind.FIRST), ran);
  }

  @Test
  void then_the_hourly_sync_then_nothing_until_an_hour_has_passed() {
    connect(new HistoryCoverage.Complete());
    SchedulingService scheduler = scheduler(Runnable::run, "a");
    scheduler.tick();
    scheduler.tick();
    scheduler.tick();
    assertEquals(List.of(SyncKind.HOURLY, SyncKind.CUSTOMERS), ran);
  }

  @Test
  void backfills_after_an_upgrade_to_a_paid_plan() {
    connect(
        new HistoryCoverage.DownTo(
            new HistoryPosition(NOW.minusSeconds(86_400), new ConversationId("1"))));
    runs.finish(
        runs.start(ACME, SyncKind.HOURLY, NOW, "test"),
        new SyncOutcome.Completed(RunCounts.NONE),
        NOW);
    accounts.with(new Account(ACME, "Acme", Plan.PAID));
    scheduler(Runnable::run, "a").tick();
    assertEquals(List.of(SyncKind.BACKFILL), ran);
  }

  @Test
  void sync_now_takes_the_backfill_a_paid_plan_is_owed_else_the_hourly_sync() {
    connect(
        new HistoryCoverage.DownTo(
            new HistoryPosition(NOW.minusSeconds(86_400), new ConversationId("1"))));
    SchedulingService scheduler = scheduler(Runnable::run, "a");
    scheduler.syncNow(ACME);
    accounts.with(new Account(ACME, "Acme", Plan.PAID));
    scheduler.syncNow(ACME);
    assertEquals(List.of(SyncKind.HOURLY, SyncKind.BACKFILL), ran);
  }

  @Test
  void sync_now_does_nothing_for_a_connection_that_needs_reconnecting() {
    connections.save(
        new Connection(
            ACME,
            new Workspace(new WorkspaceId("w"), "W", Region.US),
            new AccessToken("t"),
            ConnectionState.NEEDS_REAUTH,
            "ada",
            NOW,
            new HistoryCoverage.Complete(),
            Optional.of("revoked")));
    assertTrue(scheduler(Runnable::run, "a").syncNow(ACME).isEmpty());
    assertEquals(List.of(), ran);
  }

  @Test
  void a_running_sync_keeps_its_claim_and_a_crashed_servers_claim_expires() {
    connect(new HistoryCoverage.NotYet());
    Instant[] now = {NOW};
    java.time.Duration lease = java.time.Duration.ofMinutes(5);
    SchedulingService first = scheduler(later, "server-1", () -> now[0], lease);
    SchedulingService second = scheduler(later, "server-2", () -> now[0], lease);
    assertEquals(1, first.tick().size());
    for (int minute = 1; minute <= 12; minute++) {
      now[0] = NOW.plusSeconds(60L * minute);
      database = now[0];
      first.tick(); // server-1 lives: each tick renews its claim
      assertEquals(0, second.tick().size(), "still server-1's at minute " + minute);
    }
    // server-1 dies without a word: no more ticks, no release.
    now[0] = now[0].plus(lease).plusSeconds(1);
    database = now[0];
    assertEquals(0, metrics.takeOvers(), "renewed claims are never taken over");
    assertEquals(1, second.tick().size(), "server-2 takes the account once the claim expired");
    assertEquals(1, metrics.takeOvers(), "and that is counted as a take-over");
    assertEquals(
        RunState.FAILED,
        runs.recent(ACME, 2).get(1).state(),
        "the dead server's run is closed as failed");
  }

  @Test
  void a_sync_now_on_a_server_that_never_ticks_keeps_its_claim_through_renewals() {
    connect(new HistoryCoverage.NotYet());
    Instant[] now = {NOW};
    java.time.Duration lease = java.time.Duration.ofMinutes(5);
    SchedulingService quiet = scheduler(later, "server-1", () -> now[0], lease);
    SchedulingService other = scheduler(later, "server-2", () -> now[0], lease);
    assertTrue(quiet.syncNow(ACME).isPresent());
    for (int minute = 1; minute <= 12; minute++) {
      now[0] = NOW.plusSeconds(60L * minute);
      database = now[0];
      quiet.renewLeases(); // its own cadence, with no tick at all
      assertEquals(0, other.tick().size(), "still server-1's at minute " + minute);
    }
  }

  @Test
  void two_servers_never_run_one_accounts_sync_at_once() {
    connect(new HistoryCoverage.NotYet());
    SchedulingService first = scheduler(later, "server-1");
    SchedulingService second = scheduler(later, "server-2");
    assertEquals(1, first.tick().size());
    assertEquals(0, second.tick().size(), "server-1 holds the lease while its run is queued");
    assertTrue(second.syncNow(ACME).isEmpty());
    queued.forEach(Runnable::run);
    assertEquals(1, second.tick().size(), "the lease is free again once the run ended");
    assertEquals(0, metrics.takeOvers(), "a released lease is taken, not taken over");
  }

  /** Hourly and customer syncs that started minutes ago: neither schedule makes ACME due. */
  private void schedulesFresh() {
    runs.finish(
        runs.start(ACME, SyncKind.HOURLY, NOW.minusSeconds(600), "a"),
        new SyncOutcome.Completed(RunCounts.NONE),
        NOW.minusSeconds(590));
    runs.finish(
        runs.start(ACME, SyncKind.CUSTOMERS, NOW.minusSeconds(900), "a"),
        new SyncOutcome.Completed(RunCounts.NONE),
        NOW.minusSeconds(890));
  }

  @Test
  void a_reconnected_account_with_fresh_schedules_gets_its_first_sync_at_the_next_tick() {
    // The old connection's runs started minutes ago, and no failure: only its history, not taken
    // yet for the new workspace, makes it due.
    schedulesFresh();
    connect(new HistoryCoverage.Complete());
    assertEquals(List.of(), scheduler(Runnable::run, "a").tick(), "nothing due");
    connect(new HistoryCoverage.NotYet());
    assertEquals(1, scheduler(Runnable::run, "a").tick().size());
    assertEquals(List.of(SyncKind.FIRST), ran);
  }

  @Test
  void a_start_plan_account_keeping_its_recent_history_is_not_read_at_an_idle_tick() {
    // On the Start plan the rest of the history is never owed, so with fresh schedules a tick has
    // nothing to ask about the account; a thousand such accounts cost a tick nothing each.
    schedulesFresh();
    connect(
        new HistoryCoverage.DownTo(
            new HistoryPosition(NOW.minusSeconds(86_400), new ConversationId("1"))));
    assertEquals(List.of(), scheduler(Runnable::run, "a").tick(), "nothing due");
    assertEquals(List.of(), accountReads, "accounts read at an idle tick");
    accounts.with(new Account(ACME, "Acme", Plan.PAID));
    assertEquals(1, scheduler(Runnable::run, "a").tick().size());
    assertEquals(List.of(SyncKind.BACKFILL), ran, "the paid plan's backfill, at the next tick");
  }

  @Test
  void an_account_with_all_its_history_is_not_read_to_choose_its_customer_sync() {
    // Past a fresh hourly sync the scheduler asks whether a backfill is owed before the customer
    // sync; for all of the history no plan owes one, so the account's plan is not read.
    connect(new HistoryCoverage.Complete());
    runs.finish(
        runs.start(ACME, SyncKind.HOURLY, NOW.minusSeconds(600), "a"),
        new SyncOutcome.Completed(RunCounts.NONE),
        NOW.minusSeconds(590));
    assertEquals(1, scheduler(Runnable::run, "a").tick().size());
    assertEquals(List.of(SyncKind.CUSTOMERS), ran);
    assertEquals(List.of(), accountReads, "no plan owes a complete history anything");
  }

  @Test
  void skips_accounts_that_are_not_connected() {
    connections.save(
        InMemoryConnections.connection(
            ACME, ConnectionState.NEEDS_REAUTH, NOW, new HistoryCoverage.Complete()));
    assertEquals(List.of(), scheduler(Runnable::run, "a").tick());
  }

  @Test
  void records_every_run_with_its_outcome() {
    connect(new HistoryCoverage.NotYet());
    scheduler(Runnable::run, "a").tick();
    assertEquals(1, runs.runs.size());
    assertTrue(runs.runs.get(0).outcome instanceof SyncOutcome.Completed);
  }

  /** The record of runs, except that the accounts named fail as a broken row or database would. */
  private static final class FailingRuns implements com.feedbacksync.application.port.out.SyncRuns {
    private final InMemorySyncRuns runs;
    final java.util.Set<AccountId> unreadable = new java.util.HashSet<>();
    final java.util.Set<AccountId> unwritable = new java.util.HashSet<>();

    FailingRuns(InMemorySyncRuns runs) {
      this.runs = runs;
    }

    @Override
    public String start(AccountId account, SyncKind kind, Instant startedAt, String runner) {
      if (unwritable.contains(account)) {
        throw new IllegalStateException("the insert of " + account.value() + "'s run failed");
      }
      return runs.start(account, kind, startedAt, runner);
    }

    @Override
    public void finish(String runId, SyncOutcome outcome, Instant finishedAt) {
      runs.finish(runId, outcome, finishedAt);
    }

    @Override
    public void interrupted(AccountId account, Instant at, String reason) {
      runs.interrupted(account, at, reason);
    }

    @Override
    public void progress(AccountId account, long done, long total) {
      runs.progress(account, done, total);
    }

    @Override
    public List<com.feedbacksync.application.model.SyncRunView> recent(
        AccountId account, int limit) {
      return runs.recent(account, limit);
    }

    @Override
    public Optional<com.feedbacksync.application.model.SyncRunView> find(
        AccountId account, String runId) {
      return runs.find(account, runId);
    }

    @Override
    public Optional<Instant> lastStarted(AccountId account, SyncKind kind) {
      if (unreadable.contains(account)) {
        throw new IllegalStateException("the runs of " + account.value() + " are unreadable");
      }
      return runs.lastStarted(account, kind);
    }

    /** A broken row fails the read of every account with it, as one statement would. */
    @Override
    public java.util.Set<AccountId> mayBeDue(
        java.util.Collection<AccountId> accounts, Instant hourlyAfter, Instant customersAfter) {
      if (accounts.stream().anyMatch(unreadable::contains)) {
        throw new IllegalStateException("a row of the runs read for the tick is unreadable");
      }
      return runs.mayBeDue(accounts, hourlyAfter, customersAfter);
    }

    @Override
    public Optional<FailureStreak> failing(AccountId account) {
      if (unreadable.contains(account)) {
        throw new IllegalStateException("the runs of " + account.value() + " are unreadable");
      }
      return runs.failing(account);
    }

    @Override
    public int prune(Instant startedBefore) {
      return runs.prune(startedBefore);
    }
  }

  private void connectAll(String... ids) {
    for (String id : ids) {
      AccountId account = new AccountId(id);
      accounts.with(new Account(account, id, Plan.START));
      connections.save(
          InMemoryConnections.connection(
              account,
              ConnectionState.CONNECTED,
              NOW.minusSeconds(7200),
              new HistoryCoverage.Complete()));
    }
  }

  @Test
  void one_account_whose_scheduling_throws_does_not_stop_the_others() {
    // Sorted as the tick meets them: the broken ones come first.
    connectAll("a-due-throws", "b-start-throws", "c-fine", "d-fine");
    FailingRuns failing = new FailingRuns(runs);
    failing.unreadable.add(new AccountId("a-due-throws"));
    failing.unwritable.add(new AccountId("b-start-throws"));
    SchedulingService scheduler =
        scheduler(Runnable::run, "a", () -> NOW, SchedulingService.DEFAULT_LEASE, failing, leases);

    List<String> started = scheduler.tick();

    assertEquals(2, started.size(), "the two healthy accounts started: " + started);
    assertEquals(
        List.of(new AccountId("c-fine"), new AccountId("d-fine")),
        ranFor.stream().distinct().toList());
  }

  @Test
  void an_account_whose_run_row_cannot_be_written_is_not_left_running_and_its_lease_goes_back() {
    connectAll("acme-x");
    AccountId account = new AccountId("acme-x");
    FailingRuns failing = new FailingRuns(runs);
    failing.unwritable.add(account);
    SchedulingService first =
        scheduler(later, "server-1", () -> NOW, SchedulingService.DEFAULT_LEASE, failing, leases);
    assertEquals(List.of(), first.tick());
    assertEquals(java.util.Set.of(), first.running(), "no run row, so not running here");
    SchedulingService second = scheduler(later, "server-2");
    assertEquals(1, second.tick().size(), "the lease went back at once: another server takes it");
    queued.forEach(Runnable::run);
    queued.clear();
    failing.unwritable.clear();
    database = database.plusSeconds(3600);
    assertEquals(
        1,
        scheduler(
                later,
                "server-1",
                () -> NOW.plusSeconds(3600),
                SchedulingService.DEFAULT_LEASE,
                failing,
                leases)
            .tick()
            .size(),
        "and the first server schedules it again once its database is back");
  }

  @Test
  void servers_whose_clocks_are_ten_minutes_apart_never_hold_one_account_at_once() {
    connect(new HistoryCoverage.NotYet());
    java.time.Duration lease = java.time.Duration.ofMinutes(5);
    SchedulingService behind = scheduler(later, "server-behind", () -> database, lease);
    SchedulingService ahead =
        scheduler(later, "server-ahead", () -> database.plusSeconds(600), lease);
    assertEquals(1, behind.tick().size());
    for (int second = 1; second <= 4 * 60; second++) {
      database = NOW.plusSeconds(second);
      if (second % 60 == 0) {
        behind.tick(); // renews, as a live server does every minute
      }
      assertEquals(
          0, ahead.tick().size(), "ten minutes ahead, it still sees the lease held at " + second);
    }
    queued.forEach(Runnable::run);
    queued.clear();
    assertEquals(1, ahead.tick().size(), "free once the run ended");
  }

  @Test
  void webhook_re_syncs_wait_for_the_lease_and_run_as_one_batch() {
    connect(new HistoryCoverage.Complete());
    SchedulingService server = scheduler(later, "server-1");
    assertEquals(1, server.tick().size(), "the hourly sync: the account's lease is held");
    for (int i = 0; i < 5; i++) {
      queue.offer(ACME, new WebhookItem.Conversation(new ConversationId(String.valueOf(100 + i))));
    }
    queue.offer(ACME, new WebhookItem.Conversation(new ConversationId("100")));
    assertEquals(List.of(), server.startWebhookResyncs(), "not while the hourly run holds it");
    assertEquals(List.of(), scheduler(later, "server-2").startWebhookResyncs(), "nor elsewhere");
    assertEquals(5, queue.size(), "deferred, not dropped; coalesced to one per conversation");
    assertEquals(List.of(), resynced);
    while (!queued.isEmpty()) {
      queued.remove(0).run(); // the hourly run ends, and its end starts the re-syncs
    }
    assertEquals(0, queue.size());
    assertEquals(1, resynced.size(), "one WEBHOOK run for the burst");
    assertEquals(5, resynced.get(0).size());
    assertEquals(
        1,
        runs.runs.stream().filter(r -> r.kind == SyncKind.WEBHOOK).count(),
        "recorded as one run of kind WEBHOOK");
  }

  @Test
  void webhook_re_syncs_of_a_failing_account_wait_out_its_backoff_and_never_reset_it() {
    connect(new HistoryCoverage.Complete());
    Instant[] now = {NOW};
    SchedulingService server =
        scheduler(later, "server-1", () -> now[0], SchedulingService.DEFAULT_LEASE);
    String failed = runs.start(ACME, SyncKind.HOURLY, NOW.minusSeconds(5), "server-1");
    runs.finish(failed, new SyncOutcome.Failed("Intercom did not answer", RunCounts.NONE), NOW);
    queue.offer(ACME, new WebhookItem.Conversation(new ConversationId("100")));

    assertEquals(List.of(), server.startWebhookResyncs(), "not while the backoff runs");
    assertEquals(1, queue.size(), "kept queued");

    now[0] = NOW.plus(java.time.Duration.ofMinutes(61)); // past the longest backoff
    database = now[0];
    assertEquals(1, server.startWebhookResyncs().size());
    queued.remove(queued.size() - 1).run(); // the webhook run completes
    assertTrue(
        runs.failing(ACME).isPresent(), "a webhook run's success does not clear the hourly streak");
  }
}
