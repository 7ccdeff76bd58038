package com.feedbacksync.application.events;

import com.feedbacksync.application.model.EventType;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.model.SyncRunView;
import com.feedbacksync.application.port.out.SyncRuns;
import com.feedbacksync.application.port.out.Transactions;
import com.feedbacksync.domain.account.AccountId;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link SyncRuns} whose run endings write their events in the same transaction: a first sync that
 * completed is {@code sync.first_completed}; the run that makes the account's failing streak reach
 * {@code failingAfter} is {@code sync.failing}, once per streak (the streak only grows until a run
 * completes, so it crosses that length once). A run closed as interrupted counts as a failure, as
 * it does in the streak.
 */
final class EventfulSyncRuns implements SyncRuns {

  /** What finishing a run needs to know of it: the port's finish names only its id. */
  private record Started(AccountId account, SyncKind kind) {}

  private final SyncRuns runs;
  private final Transactions transactions;
  private final EventWriter events;
  private final int failingAfter;

  /** The runs started through this port and not finished yet (those of this server). */
  private final Map<String, Started> started = new ConcurrentHashMap<>();

  EventfulSyncRuns(SyncRuns runs, Transactions transactions, EventWriter events, int failingAfter) {
    this.runs = runs;
    this.transactions = transactions;
    this.events = events;
    this.failingAfter = failingAfter;
  }

  @Override
  public String start(AccountId account, SyncKind kind, Instant startedAt, String runner) {
    String id = runs.start(account, kind, startedAt, runner);
    started.put(id, new Started(account, kind));
    return id;
  }

  @Override
  public void finish(String runId, SyncOutcome outcome, Instant finishedAt) {
    Started run = started.remove(runId);
    if (run == null) {
      runs.finish(runId, outcome, finishedAt);
      return;
    }
    transactions.inOne(
        () -> {
          int before = failures(run.account());
          runs.finish(runId, outcome, finishedAt);
          if (run.kind() == SyncKind.FIRST && outcome instanceof SyncOutcome.Completed done) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("runId", runId);
            data.put("kept", done.counts().kept());
            data.put("skippedWithoutReply", done.counts().skippedWithoutReply());
            data.put("profiles", done.counts().profiles());
            data.put("unreadable", done.counts().unreadable());
            events.record(EventType.SYNC_FIRST_COMPLETED, run.account(), data);
          }
          if (outcome instanceof SyncOutcome.Failed) {
            failingReached(run.account(), before, Optional.of(runId));
          }
          return null;
        });
  }

  @Override
  public void interrupted(AccountId account, Instant at, String reason) {
    transactions.inOne(
        () -> {
          int before = failures(account);
          runs.interrupted(account, at, reason);
          failingReached(account, before, Optional.empty());
          return null;
        });
  }

  private int failures(AccountId account) {
    return runs.failing(account).map(FailureStreak::failures).orElse(0);
  }

  /** {@code sync.failing} when the streak just crossed {@code failingAfter}. */
  private void failingReached(AccountId account, int before, Optional<String> runId) {
    if (before >= failingAfter) {
      return;
    }
    runs.failing(account)
        .filter(streak -> streak.failures() >= failingAfter)
        .ifPresent(
            streak -> {
              Map<String, Object> data = new LinkedHashMap<>();
              data.put("failures", (long) streak.failures());
              runId.ifPresent(id -> data.put("runId", id));
              data.put("kind", streak.kind().name());
              data.put("reason", streak.reason());
              data.put("lastFailedAt", streak.lastFinished().toString());
              events.record(EventType.SYNC_FAILING, account, data);
            });
  }

  @Override
  public void progress(AccountId account, long done, long total) {
    runs.progress(account, done, total);
  }

  @Override
  public List<SyncRunView> recent(AccountId account, int limit) {
    return runs.recent(account, limit);
  }

  @Override
  public Optional<SyncRunView> find(AccountId account, String runId) {
    return runs.find(account, runId);
  }

  @Override
  public Optional<Instant> lastStarted(AccountId account, SyncKind kind) {
    return runs.lastStarted(account, kind);
  }

  @Override
  public Optional<FailureStreak> failing(AccountId account) {
    return runs.failing(account);
  }

  @Override
  public Set<AccountId> mayBeDue(
      Collection<AccountId> accounts, Instant hourlyAfter, Instant customersAfter) {
    return runs.mayBeDue(accounts, hourlyAfter, customersAfter);
  }

  @Override
  public int prune(Instant startedBefore) {
    return runs.prune(startedBefore);
  }
}
