package com.feedbacksync.application.schedule;

import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.application.port.out.SyncRuns;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.Schedules;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Which sync an account is due for now: the first sync until it finishes, the hourly conversations,
 * the backfill a paid plan is owed, the daily customers; nothing while its failing runs wait out
 * their {@link FailureBackoff}. "Sync now" asks which kind, without the wait.
 */
final class DueKinds {

  private final Accounts accounts;
  private final Connections connections;
  private final SyncRuns runs;
  private final Schedules schedules;
  private final FailureBackoff backoff;
  private final Clock clock;

  DueKinds(
      Accounts accounts,
      Connections connections,
      SyncRuns runs,
      Schedules schedules,
      FailureBackoff backoff,
      Clock clock) {
    this.accounts = accounts;
    this.connections = connections;
    this.runs = runs;
    this.schedules = schedules;
    this.backoff = backoff;
    this.clock = clock;
  }

  /** The kind due now, if any. */
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
                  ? historyOrHourly(account, coverage)
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

  /**
   * The first sync if it has not finished, the backfill a paid plan is owed, else an hourly sync:
   * what "sync now" starts, and what follows a failed first sync once it has finished.
   */
  SyncKind historyOrHourly(AccountId account, HistoryCoverage coverage) {
    if (coverage instanceof HistoryCoverage.NotYet) {
      return SyncKind.FIRST;
    }
    return owedBackfill(account, coverage) ? SyncKind.BACKFILL : SyncKind.HOURLY;
  }

  /** Whether the account's syncs keep failing and its backoff has not passed yet. */
  boolean backingOff(AccountId account) {
    return runs.failing(account)
        .map(streak -> clock.instant().isBefore(backoff.next(account, streak)))
        .orElse(false);
  }

  private boolean owedBackfill(AccountId account, HistoryCoverage coverage) {
    // The plan is read only for a coverage some plan owes a backfill on: most accounts reaching
    // here have all their history, and this runs for each candidate of every tick.
    return coverage.owesBackfill(Plan.PAID)
        && accounts.find(account).map(a -> coverage.owesBackfill(a.plan())).orElse(false);
  }
}
