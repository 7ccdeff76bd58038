package com.feedbacksync.application.connection;

import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.ConnectionView;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncRunView;
import com.feedbacksync.application.port.in.ViewIntegrationUseCase;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.application.port.out.SyncRuns;
import com.feedbacksync.application.schedule.FailureBackoff;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.Schedules;
import com.feedbacksync.domain.sync.SyncDue;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads the integration's state for the admin API. */
public final class IntegrationStatusService implements ViewIntegrationUseCase {

  /** Enough to show the running sync, the last of each kind, and what went wrong lately. */
  static final int RECENT_RUNS = 10;

  private final Connections connections;
  private final SyncRuns runs;
  private final Schedules schedules;
  private final Clock clock;
  private final FailureBackoff backoff;

  public IntegrationStatusService(
      Connections connections,
      SyncRuns runs,
      Schedules schedules,
      Clock clock,
      FailureBackoff backoff) {
    this.backoff = Objects.requireNonNull(backoff);
    this.connections = Objects.requireNonNull(connections);
    this.runs = Objects.requireNonNull(runs);
    this.schedules = Objects.requireNonNull(schedules);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public IntegrationStatus status(AccountId account) {
    Optional<Connection> connection = connections.find(account);
    Optional<Instant> lastHourly = runs.lastStarted(account, SyncKind.HOURLY);
    Optional<Instant> last = lastHourly.or(() -> runs.lastStarted(account, SyncKind.FIRST));
    Optional<Connection> connected = connection.filter(c -> c.state() == ConnectionState.CONNECTED);
    Optional<Instant> next = connected.map(c -> nextConversationSync(c, lastHourly));
    Optional<String> why = Optional.empty();
    Optional<SyncRuns.FailureStreak> failing =
        connected.isPresent() ? runs.failing(account) : Optional.empty();
    if (failing.isPresent()) {
      // Failing runs back off: the next one waits for that, not for the hourly schedule.
      next = Optional.of(max(clock.instant(), backoff.next(account, failing.get())));
      why = Optional.of(FailureBackoff.reason(failing.get()));
    }
    return new IntegrationStatus(
        connection.map(ConnectionView::of), runs.recent(account, RECENT_RUNS), last, next, why);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** The first sync is always due until it finishes; then the hourly schedule decides. */
  private Instant nextConversationSync(Connection connection, Optional<Instant> lastHourly) {
    Instant now = clock.instant();
    if (connection.coverage() instanceof HistoryCoverage.NotYet) {
      return now;
    }
    return schedules.conversationSync(lastHourly, now) instanceof SyncDue.At at ? at.when() : now;
  }

  @Override
  public List<SyncRunView> runs(AccountId account, int limit) {
    if (limit < 1 || limit > 100) {
      throw new IllegalArgumentException("limit must be between 1 and 100");
    }
    return runs.recent(account, limit);
  }

  @Override
  public Optional<SyncRunView> run(AccountId account, String runId) {
    return runs.find(account, runId);
  }
}
