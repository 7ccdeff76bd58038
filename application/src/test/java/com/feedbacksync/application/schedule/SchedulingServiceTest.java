package com.feedbacksync.application.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.fakes.InMemoryAccounts;
import com.feedbacksync.application.fakes.InMemoryConnections;
import com.feedbacksync.application.fakes.InMemoryLeases;
import com.feedbacksync.application.fakes.InMemorySyncRuns;
import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.RunState;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
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
  private final InMemorySyncRuns runs = new InMemorySyncRuns();
  private final InMemoryLeases leases = new InMemoryLeases();
  private final List<SyncKind> ran = new ArrayList<>();
  private final List<Runnable> queued = new ArrayList<>();
  private final Executor later = queued::add;

  private SchedulingService scheduler(Executor executor, String owner) {
    return scheduler(executor, owner, () -> NOW, SchedulingService.DEFAULT_LEASE);
  }

  private SchedulingService scheduler(
      Executor executor,
      String owner,
      java.util.function.Supplier<Instant> time,
      java.time.Duration lease) {
    return new SchedulingService(
        accounts,
        connections,
        runs,
        leases,
        new com.feedbacksync.application.port.in.SyncIntercomUseCase() {
          @Override
          public SyncOutcome run(AccountId account, SyncKind kind) {
            ran.add(kind);
            return new SyncOutcome.Completed(RunCounts.NONE);
          }

          @Override
          public SyncOutcome resyncConversation(
              WorkspaceId workspace, ConversationId conversation) {
            throw new UnsupportedOperationException(
                "the scheduler never re-syncs single conversations");
          }

          @Override
          public SyncOutcome resyncContact(
              WorkspaceId workspace, com.feedbacksync.domain.intercom.ContactId contact) {
            throw new UnsupportedOperationException("the scheduler never re-syncs single contacts");
          }
        },
        Schedules.DEFAULT,
        executor,
        new com.feedbacksync.application.fakes.FollowingClock(time),
        owner,
        lease,
        FailureBackoff.DEFAULT);
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
      first.tick(); // server-1 lives: each tick renews its claim
      assertEquals(0, second.tick().size(), "still server-1's at minute " + minute);
    }
    // server-1 dies without a word: no more ticks, no release.
    now[0] = now[0].plus(lease).plusSeconds(1);
    assertEquals(1, second.tick().size(), "server-2 takes the account once the claim expired");
    assertEquals(
        RunState.FAILED,
        runs.recent(ACME, 2).get(1).state(),
        "the dead server's run is closed as failed");
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
}
