package com.feedbacksync.application.fakes;

import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.RunState;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.port.out.SyncRuns;
import com.feedbacksync.application.port.out.SyncRuns.FailureStreak;
import com.feedbacksync.domain.account.AccountId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A fake of the {@link SyncRuns} port. */
public final class InMemorySyncRuns implements SyncRuns {

  /** One recorded run. */
  public static final class Run {
    public final String id;
    public final AccountId account;
    public final SyncKind kind;
    public final Instant startedAt;
    public final String runner;
    public SyncOutcome outcome;
    public Instant finishedAt;
    public long done;
    public long total;

    Run(String id, AccountId account, SyncKind kind, Instant startedAt, String runner) {
      this.runner = runner;
      this.id = id;
      this.account = account;
      this.kind = kind;
      this.startedAt = startedAt;
    }
  }

  public final List<Run> runs = new ArrayList<>();

  /** When each account's connection was made, as its {@link #failing} streak starts there. */
  private final java.util.function.Function<AccountId, Optional<Instant>> connectedAt;

  /** Runs of accounts whose connections no test looks at: every run counts in a streak. */
  public InMemorySyncRuns() {
    this(account -> Optional.empty());
  }

  /** Runs whose failing streaks start at the connections these hold. */
  public InMemorySyncRuns(com.feedbacksync.application.port.out.Connections connections) {
    this(
        account ->
            connections
                .find(account)
                .map(com.feedbacksync.application.model.Connection::connectedAt));
  }

  private InMemorySyncRuns(java.util.function.Function<AccountId, Optional<Instant>> connectedAt) {
    this.connectedAt = connectedAt;
  }

  @Override
  public synchronized String start(
      AccountId account, SyncKind kind, Instant startedAt, String runner) {
    Run run = new Run("run-" + (runs.size() + 1), account, kind, startedAt, runner);
    runs.add(run);
    return run.id;
  }

  @Override
  public synchronized void finish(String runId, SyncOutcome outcome, Instant finishedAt) {
    Run run = runs.stream().filter(r -> r.id.equals(runId)).findFirst().orElseThrow();
    run.outcome = outcome;
    run.finishedAt = finishedAt;
  }

  @Override
  public synchronized void interrupted(AccountId account, Instant at, String reason) {
    runs.stream()
        .filter(r -> r.account.equals(account) && r.outcome == null)
        .forEach(
            r -> {
              r.outcome = new SyncOutcome.Failed(reason, RunCounts.NONE);
              r.finishedAt = at;
            });
  }

  @Override
  public synchronized void progress(AccountId account, long done, long total) {
    runs.stream()
        .filter(r -> r.account.equals(account) && r.outcome == null)
        .forEach(
            r -> {
              r.done = done;
              r.total = total;
            });
  }

  @Override
  public synchronized List<com.feedbacksync.application.model.SyncRunView> recent(
      AccountId account, int limit) {
    List<com.feedbacksync.application.model.SyncRunView> views = new ArrayList<>();
    for (int i = runs.size() - 1; i >= 0 && views.size() < limit; i--) {
      Run r = runs.get(i);
      if (r.account.equals(account)) {
        views.add(
            new com.feedbacksync.application.model.SyncRunView(
                r.id,
                r.kind,
                r.outcome == null ? RunState.RUNNING : r.outcome.state(),
                r.startedAt,
                Optional.empty(),
                r.runner,
                r.outcome == null
                    ? com.feedbacksync.application.model.RunCounts.NONE
                    : r.outcome.counts(),
                r.done,
                r.total,
                Optional.empty()));
      }
    }
    return views;
  }

  @Override
  public synchronized Optional<com.feedbacksync.application.model.SyncRunView> find(
      AccountId account, String runId) {
    return recent(account, Integer.MAX_VALUE).stream()
        .filter(r -> r.id().equals(runId))
        .findFirst();
  }

  @Override
  public synchronized Optional<Instant> lastStarted(AccountId account, SyncKind kind) {
    return runs.stream()
        .filter(
            r ->
                r.account.equals(account)
                    && r.kind == kind
                    && (r.outcome == null
                        || r.outcome instanceof SyncOutcome.Completed
                        || r.outcome instanceof SyncOutcome.Failed))
        .map(r -> r.startedAt)
        .max(Instant::compareTo);
  }

  @Override
  public synchronized Optional<FailureStreak> failing(AccountId account) {
    List<Run> finished =
        runs.stream()
            .filter(r -> r.account.equals(account) && r.kind != SyncKind.WEBHOOK)
            .filter(
                r ->
                    r.outcome instanceof SyncOutcome.Completed
                        || r.outcome instanceof SyncOutcome.Failed)
            .filter(r -> connectedAt.apply(account).map(c -> !r.startedAt.isBefore(c)).orElse(true))
            .sorted(java.util.Comparator.comparing((Run r) -> r.startedAt).reversed())
            .limit(FailureStreak.COUNTED)
            .toList();
    int failures = 0;
    while (failures < finished.size()
        && finished.get(failures).outcome instanceof SyncOutcome.Failed) {
      failures++;
    }
    if (failures == 0) {
      return Optional.empty();
    }
    Run last = finished.get(0);
    return Optional.of(
        new FailureStreak(
            failures,
            last.finishedAt == null ? last.startedAt : last.finishedAt,
            last.kind,
            ((SyncOutcome.Failed) last.outcome).reason()));
  }

  @Override
  public synchronized Set<AccountId> mayBeDue(
      Collection<AccountId> accounts, Instant hourlyAfter, Instant customersAfter) {
    Set<AccountId> may = new HashSet<>();
    for (AccountId account : accounts) {
      if (failing(account).isPresent()
          || lastStarted(account, SyncKind.HOURLY).filter(s -> s.isAfter(hourlyAfter)).isEmpty()
          || lastStarted(account, SyncKind.CUSTOMERS)
              .filter(s -> s.isAfter(customersAfter))
              .isEmpty()) {
        may.add(account);
      }
    }
    return may;
  }

  @Override
  public synchronized int prune(Instant startedBefore) {
    int before = runs.size();
    runs.removeIf(r -> r.outcome != null && r.startedAt.isBefore(startedBefore));
    return before - runs.size();
  }
}
