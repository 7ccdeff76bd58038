package com.feedbacksync.application.port.out;

import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.model.SyncRunView;
import com.feedbacksync.domain.account.AccountId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The record of sync runs: kind, times, counts and outcome, for admins and for scheduling. */
public interface SyncRuns {

  /** Records a run that starts now on the named server process; returns its id. */
  String start(AccountId account, SyncKind kind, Instant startedAt, String runner);

  void finish(String runId, SyncOutcome outcome, Instant finishedAt);

  /**
   * Closes the account's runs still marked running as failed, with the reason: called by the server
   * that just took the account's lease, so they are runs whose server stopped.
   */
  void interrupted(AccountId account, Instant at, String reason);

  /**
   * How far the account's running run got: items of its listing handled, of how many (Intercom's
   * count; the admin API derives an ETA from these and the start time).
   */
  void progress(AccountId account, long done, long total);

  /** The account's most recent runs, newest first. */
  List<SyncRunView> recent(AccountId account, int limit);

  /** One of the account's runs: another account's run id finds nothing. */
  Optional<SyncRunView> find(AccountId account, String runId);

  /**
   * When the last run of this kind started, whether it completed, failed or still runs (a run
   * skipped, cancelled or stopped for reauthorization does not count).
   */
  Optional<Instant> lastStarted(AccountId account, SyncKind kind);

  /**
   * The account's failing streak: its latest finished runs that failed, up to the last completed
   * one (counted up to {@link FailureStreak#COUNTED}); empty when the latest finished run
   * completed. Webhook re-syncs are left out: a burst of small ones must neither reset the streak
   * of a failing hourly sync nor keep pushing its backoff further out. Only runs started since the
   * account's Intercom connection was made count: another workspace, or a connection made again
   * after a disconnect, starts without the old connection's failures (its first failure would
   * otherwise back off as long as the old streak had grown, and never reach {@code sync.failing}'s
   * threshold again).
   */
  Optional<FailureStreak> failing(AccountId account);

  /**
   * Of these accounts, those that may have a run due: their latest finished run (webhook re-syncs
   * aside) failed, or no hourly run started after {@code hourlyAfter}, or no customers run after
   * {@code customersAfter} (runs counted as by {@link #lastStarted}). One read for a whole tick of
   * the scheduler, which still decides each account returned; an account left out has none due.
   */
  Set<AccountId> mayBeDue(
      Collection<AccountId> accounts, Instant hourlyAfter, Instant customersAfter);

  /** Deletes the finished runs started before this instant; returns how many it deleted. */
  int prune(Instant startedBefore);

  /**
   * Runs that failed in a row.
   *
   * @param failures how many, at most {@link #COUNTED}
   * @param lastFinished when the latest of them ended
   * @param kind the latest's kind
   * @param reason the latest's error, as admins read it
   */
  record FailureStreak(int failures, Instant lastFinished, SyncKind kind, String reason) {

    /** Failures counted at most: the backoff stops growing long before. */
    public static final int COUNTED = 12;

    public FailureStreak {
      if (failures < 1) {
        throw new IllegalArgumentException("a streak has at least one failure");
      }
      java.util.Objects.requireNonNull(lastFinished, "lastFinished");
      java.util.Objects.requireNonNull(kind, "kind");
      java.util.Objects.requireNonNull(reason, "reason");
    }
  }
}
