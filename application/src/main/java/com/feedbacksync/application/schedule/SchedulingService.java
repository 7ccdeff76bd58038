package com.feedbacksync.application.schedule;

import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.LeaseClaim;
import com.feedbacksync.application.model.LeaseToken;
import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.port.in.ScheduleSyncsUseCase;
import com.feedbacksync.application.port.in.SyncIntercomUseCase;
import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.application.port.out.Leases;
import com.feedbacksync.application.port.out.RunMetrics;
import com.feedbacksync.application.port.out.SyncRuns;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.sync.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Asks, on each tick, which syncs are due for every connected account ({@link DueKinds}: the first
 * sync, a backfill after an upgrade, the hourly conversations, the daily customers), claims each
 * through a lease so no two servers run it at once, and hands it to the executor. An account whose
 * runs keep failing waits out its {@link FailureBackoff} first. "Sync now" (without the backoff: an
 * admin asked) and the re-syncs webhooks queued go the same way. Every run commits under the lease
 * it was started with (the store fences each commit), and the lease's times are the database's.
 */
public final class SchedulingService implements ScheduleSyncsUseCase {

  /**
   * How long a claim holds without renewal. Every tick renews the claims of this server's running
   * syncs, so a live sync keeps its account however long it runs, and a crashed server's accounts
   * are free again this long after its last tick.
   */
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);

  /** How many queued webhook re-syncs of an account one {@link SyncKind#WEBHOOK} run takes. */
  static final int WEBHOOK_BATCH = 200;

  private static final String JOB = "sync";

  private static final System.Logger LOG = System.getLogger(SchedulingService.class.getName());

  private final Connections connections;
  private final SyncRuns runs;
  private final Leases leases;
  private final SyncIntercomUseCase sync;
  private final Executor executor;
  private final Clock clock;
  private final String owner;
  private final Duration lease;
  private final RunLog log;
  private final RunMetrics metrics;

  /** The lease of every account whose run row is open on this server, renewed at every tick. */
  private final Map<AccountId, LeaseToken> running = new ConcurrentHashMap<>();

  private final DueCandidates candidates;
  private final DueKinds kinds;
  private final WebhookQueue webhooks;
  private final AtomicBoolean resyncQueued = new AtomicBoolean();

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
      FailureBackoff backoff,
      WebhookQueue webhooks,
      RunMetrics metrics) {
    this.metrics = Objects.requireNonNull(metrics);
    this.webhooks = Objects.requireNonNull(webhooks);
    this.lease = Objects.requireNonNull(lease);
    this.log = new RunLog(runs, Objects.requireNonNull(backoff));
    this.connections = Objects.requireNonNull(connections);
    this.runs = Objects.requireNonNull(runs);
    this.leases = Objects.requireNonNull(leases);
    this.sync = Objects.requireNonNull(sync);
    this.executor = Objects.requireNonNull(executor);
    this.clock = Objects.requireNonNull(clock);
    this.owner = Objects.requireNonNull(owner);
    Objects.requireNonNull(accounts);
    Objects.requireNonNull(schedules);
    this.candidates = new DueCandidates(accounts, connections, runs, schedules);
    this.kinds = new DueKinds(accounts, connections, runs, schedules, backoff, clock);
  }

  /**
   * Starts whatever is due; returns the runs it started. One account whose scheduling throws (its
   * rows unreadable, the database refusing its insert) is logged and left for the next tick; the
   * accounts after it are scheduled all the same.
   */
  @Override
  public List<String> tick() {
    renewLeases();
    List<String> started = new ArrayList<>();
    List<AccountId> connected = connections.connected();
    Set<AccountId> mayBeDue = mayBeDue(connected);
    for (AccountId account : connected) {
      if (!mayBeDue.contains(account)) {
        continue;
      }
      try {
        kinds.due(account).ifPresent(kind -> start(account, kind).ifPresent(started::add));
      } catch (RuntimeException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "scheduling account " + account.value() + " failed; the next tick tries again",
            e);
      }
    }
    started.addAll(startWebhookResyncs());
    return started;
  }

  /** Every account if the read of candidates fails, so one unreadable row costs only itself. */
  private Set<AccountId> mayBeDue(List<AccountId> connected) {
    try {
      return candidates.among(connected, clock.instant());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "reading which accounts may be due failed", e);
      return new HashSet<>(connected);
    }
  }

  @Override
  public void renewLeases() {
    for (LeaseToken held : running.values()) {
      try {
        if (!leases.renew(held, lease)) {
          LOG.log(
              System.Logger.Level.WARNING,
              "lost the sync lease of account {0}: its running sync can no longer commit",
              held.account().value());
        }
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "could not renew the lease of " + held.account(), e);
      }
    }
  }

  /**
   * Starts one {@link SyncKind#WEBHOOK} run for each account with queued webhook re-syncs whose
   * lease is free, each taking a batch of its queue once it holds the lease. An account whose lease
   * is held (its hourly run, or another server's run) keeps its queue for a later run: when this
   * server's run of it ends, or at the next tick; so does an account whose syncs keep failing,
   * until its backoff has passed (a delivery must not hammer an Intercom that is down).
   */
  public List<String> startWebhookResyncs() {
    List<String> started = new ArrayList<>();
    for (AccountId account : webhooks.accounts()) {
      try {
        if (running.containsKey(account) || kinds.backingOff(account)) {
          continue; // kept queued: for this server's run to end, or the backoff to pass
        }
        start(
                account,
                SyncKind.WEBHOOK,
                held -> sync.resync(account, webhooks.take(account, WEBHOOK_BATCH), held))
            .ifPresent(started::add);
      } catch (RuntimeException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "starting the webhook re-syncs of " + account.value() + " failed; they wait",
            e);
      }
    }
    return started;
  }

  /**
   * Starts the queued webhook re-syncs soon, on the executor: one such start waits at a time, so a
   * burst of deliveries costs one pass, not one per delivery.
   */
  @Override
  public void resyncWebhooksSoon() {
    if (!resyncQueued.compareAndSet(false, true)) {
      return;
    }
    try {
      executor.execute(
          () -> {
            resyncQueued.set(false);
            startWebhookResyncs();
          });
    } catch (RuntimeException rejected) {
      resyncQueued.set(false);
      LOG.log(System.Logger.Level.WARNING, "webhook re-syncs wait for the next tick", rejected);
    }
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
        .flatMap(c -> start(account, kinds.historyOrHourly(account, c.coverage())));
  }

  private Optional<String> start(AccountId account, SyncKind kind) {
    return start(account, kind, held -> sync.run(account, kind, held));
  }

  /**
   * Claims the account's lease, records the run, then runs {@code work} on the executor under the
   * lease; the account is in {@link #running} exactly while a run row of it is open here.
   */
  private Optional<String> start(
      AccountId account, SyncKind kind, Function<LeaseToken, SyncOutcome> work) {
    // One job at a time per account: conversation and customer streams share a workspace's budget.
    Optional<LeaseClaim> claimed = leases.claim(account, JOB, owner, lease);
    if (claimed.isEmpty()) {
      return Optional.empty();
    }
    LeaseToken held = claimed.get().token();
    claimed.get().takenOverFrom().ifPresent(previous -> tookOver(account, previous));
    String runId;
    // The run starts once the lease is held: the claim may have waited for the previous
    // holder's release, so the time read before it could fall inside that holder's run.
    Instant started = clock.instant();
    try {
      // Holding the lease, any run still marked running for the account ended without recording
      // how: its server stopped, or the database was gone when it failed.
      runs.interrupted(
          account,
          started,
          "Interrupted: the sync stopped without recording why (its server stopped, or the"
              + " database was unreachable); the next run resumed it.");
      runId = runs.start(account, kind, started, owner);
    } catch (RuntimeException e) {
      // No run row, so nothing runs: the account is not running here and its lease goes back.
      release(held);
      throw e;
    }
    running.put(account, held);
    try {
      executor.execute(
          () -> {
            try {
              SyncOutcome outcome;
              try {
                outcome = work.apply(held);
              } catch (RuntimeException e) {
                finish(
                    runId,
                    account,
                    kind,
                    started,
                    new SyncOutcome.Failed("Unexpected error: " + e.getMessage(), RunCounts.NONE));
                throw e;
              }
              finish(runId, account, kind, started, outcome);
            } finally {
              ended(account, held);
            }
          });
    } catch (RuntimeException rejected) {
      try {
        finish(
            runId,
            account,
            kind,
            started,
            new SyncOutcome.Failed("Could not start: " + rejected.getMessage(), RunCounts.NONE));
      } finally {
        running.remove(account, held);
        release(held);
      }
      return Optional.empty();
    }
    return Optional.of(runId);
  }

  /**
   * The previous holder stopped (or stalled) without giving the account back: its run, if one was
   * open, is closed as interrupted next. Counted, since many of these mean servers keep dying.
   */
  private void tookOver(AccountId account, String previous) {
    LOG.log(
        System.Logger.Level.INFO,
        "took over the sync lease of account {0} from {1}, whose lease had expired",
        account.value(),
        previous);
    metrics.leaseTakenOver();
  }

  /** Records how the run ended, then says so in the log (after: a failure counts in the streak). */
  private void finish(
      String runId, AccountId account, SyncKind kind, Instant started, SyncOutcome outcome) {
    Instant finished = clock.instant();
    runs.finish(runId, outcome, finished);
    log.ended(runId, account, kind, started, finished, outcome);
    metrics.ended(kind, outcome.state(), Duration.between(started, finished), outcome.counts());
  }

  /** A run ended: the lease goes back, and webhook re-syncs that waited for it may start. */
  private void ended(AccountId account, LeaseToken held) {
    running.remove(account, held);
    release(held);
    if (webhooks.pending(account)) {
      resyncWebhooksSoon();
    }
  }

  /** Gives a lease back; if the database refuses, it expires on its own. */
  private void release(LeaseToken held) {
    try {
      leases.release(held);
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "could not release the lease of " + held.account().value() + "; it expires",
          e);
    }
  }

  /** The accounts this server runs a sync of now (for tests). */
  Set<AccountId> running() {
    return Set.copyOf(running.keySet());
  }
}
