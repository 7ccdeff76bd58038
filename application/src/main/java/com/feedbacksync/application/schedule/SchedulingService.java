package com.feedbacksync.application.schedule;

import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.port.in.ScheduleSyncsUseCase;
import com.feedbacksync.application.port.in.SyncIntercomUseCase;
import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.application.port.out.Leases;
import com.feedbacksync.application.port.out.SyncRuns;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Decides, on each tick, which syncs are due for every connected account (the first sync, a
 * backfill after an upgrade, the hourly conversations, the daily customers), claims each through a
 * lease so no two servers run it at once, and hands it to the executor. An account whose runs keep
 * failing waits out its {@link FailureBackoff} first. "Sync now" goes the same way, without the
 * backoff (an admin asked).
 */
public final class SchedulingService implements ScheduleSyncsUseCase {

  /**
   * How long a claim holds without renewal. Every tick renews the claims of this server's running
   * syncs, so a live sync keeps its account however long it runs, and a crashed server's accounts
   * are free again this long after its last tick.
   */
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);

  private final Accounts accounts;
  private final Connections connections;
  private final SyncRuns runs;
  private final Leases leases;
  private final SyncIntercomUseCase sync;
  private final Schedules schedules;
  private final Executor executor;
  private final Clock clock;
  private final String owner;
  private final Duration lease;
  private final FailureBackoff backoff;
  private final Set<AccountId> running = ConcurrentHashMap.newKeySet();

  public SchedulingService(
      Accounts accounts,
      Connections connections,
      SyncRuns runs,
      Leases leases,
      SyncIntercomUseCase sync,
      Schedules schedules,
      Executor executor,
      Clock clock,
      String owner,
      Duration lease,
      FailureBackoff backoff) {
    this.lease = Objects.requireNonNull(lease);
    this.backoff = Objects.requireNonNull(backoff);
    this.accounts = Objects.requireNonNull(accounts);
    this.connections = Objects.requireNonNull(connections);
    this.runs = Objects.requireNonNull(runs);
    this.leases = Objects.requireNonNull(leases);
    this.sync = Objects.requireNonNull(sync);
    this.schedules = Objects.requireNonNull(schedules);
    this.executor = Objects.requireNonNull(executor);
    this.clock = Objects.requireNonNull(clock);
    this.owner = Objects.requireNonNull(owner);
  }

  /** Starts whatever is due; returns the runs it started (account and kind). */
  @Override
  public List<String> tick() {
    Instant now = clock.instant();
    for (AccountId account : running) {
      leases.renew(account, "sync", owner, now.plus(lease));
    }
    List<String> started = new ArrayList<>();
    for (AccountId account : connections.connected()) {
      due(account).ifPresent(kind -> start(account, kind).ifPresent(started::add));
    }
    return started;
  }

  /**
   * "Sync now": the first sync if it has not finished, the backfill a paid plan is owed, else an
   * hourly sync; empty if one is running or Intercom is not connected.
   */
  @Override
  public Optional<String> syncNow(AccountId account) {
    return connections
        .find(account)
        .filter(c -> c.state() == ConnectionState.CONNECTED)
        .flatMap(c -> start(account, nowKind(account, c.coverage())));
  }

  private SyncKind nowKind(AccountId account, HistoryCoverage coverage) {
    if (coverage instanceof HistoryCoverage.NotYet) {
      return SyncKind.FIRST;
    }
    return owedBackfill(account, coverage) ? SyncKind.BACKFILL : SyncKind.HOURLY;
  }

  private boolean owedBackfill(AccountId account, HistoryCoverage coverage) {
    return coverage instanceof HistoryCoverage.DownTo
        && accounts.find(account).map(a -> a.plan() == Plan.PAID).orElse(false);
  }

  Optional<SyncKind> due(AccountId account) {
    Optional<Connection> connection = connections.find(account);
    if (connection.isEmpty()) {
      return Optional.empty();
    }
    HistoryCoverage coverage = connection.get().coverage();
    Instant now = clock.instant();
    Optional<SyncRuns.FailureStreak> failing = runs.failing(account);
    if (failing.isPresent()) {
      // Failing: nothing until the backoff has passed, then the failed kind again (its own
      // schedule counts the failed run as started), or what the history still needs.
      if (now.isBefore(backoff.next(account, failing.get()))) {
        return Optional.empty();
      }
      return Optional.of(
          coverage instanceof HistoryCoverage.NotYet
              ? SyncKind.FIRST
              : failing.get().kind() == SyncKind.FIRST
                  ? nowKind(account, coverage)
                  : failing.get().kind());
    }
    if (coverage instanceof HistoryCoverage.NotYet) {
      return Optional.of(SyncKind.FIRST);
    }
    if (schedules.conversationSync(runs.lastStarted(account, SyncKind.HOURLY), now).now()) {
      return Optional.of(SyncKind.HOURLY);
    }
    if (owedBackfill(account, coverage)) {
      return Optional.of(SyncKind.BACKFILL);
    }
    if (schedules.customerSync(runs.lastStarted(account, SyncKind.CUSTOMERS), now).now()) {
      return Optional.of(SyncKind.CUSTOMERS);
    }
    return Optional.empty();
  }

  private Optional<String> start(AccountId account, SyncKind kind) {
    Instant now = clock.instant();
    // One job at a time per account: conversation and customer streams share a workspace's budget.
    if (!leases.claim(account, "sync", owner, now, now.plus(lease))) {
      return Optional.empty();
    }
    // The run starts once the lease is held: the claim may have waited for the previous holder's
    // release, so the time read before it could fall inside that holder's run.
    Instant started = clock.instant();
    // Holding the lease, any run still marked running for the account ended without recording how:
    // its server stopped, or the database was gone when it failed.
    runs.interrupted(
        account,
        started,
        "Interrupted: the sync stopped without recording why (its server stopped, or the database"
            + " was unreachable); the next run resumed it.");
    running.add(account);
    String runId = runs.start(account, kind, started, owner);
    try {
      executor.execute(
          () -> {
            try {
              SyncOutcome outcome = sync.run(account, kind);
              runs.finish(runId, outcome, clock.instant());
            } catch (RuntimeException e) {
              runs.finish(
                  runId,
                  new SyncOutcome.Failed("Unexpected error: " + e.getMessage(), RunCounts.NONE),
                  clock.instant());
              throw e;
            } finally {
              running.remove(account);
              leases.release(account, "sync", owner);
            }
          });
    } catch (RuntimeException rejected) {
      runs.finish(
          runId,
          new SyncOutcome.Failed("Could not start: " + rejected.getMessage(), RunCounts.NONE),
          clock.instant());
      running.remove(account);
      leases.release(account, "sync", owner);
      return Optional.empty();
    }
    return Optional.of(runId);
  }
}
