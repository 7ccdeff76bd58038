package com.feedbacksync.application.schedule;

import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.port.out.SyncRuns;
import com.feedbacksync.domain.account.AccountId;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Writes one line per ended run for operators: INFO when it completed (or had nothing to do, or was
 * cancelled by a disconnect), WARN when it failed, with the account, kind, run id (the id of {@code
 * /runs/{id}} and of the {@code sync_run} row, so a line leads to the run and back), the outcome,
 * the reason and when the next attempt comes. Fields are {@code key=value}; the reason is quoted.
 * Never a token or a message body: the line is built only from the run's own record, whose reason
 * is the one admins read on the run.
 */
final class RunLog {

  /** The logger operators filter on: the run lines and nothing else. */
  static final String LOGGER = "com.feedbacksync.runs";

  private static final System.Logger LOG = System.getLogger(LOGGER);

  private final SyncRuns runs;
  private final FailureBackoff backoff;

  RunLog(SyncRuns runs, FailureBackoff backoff) {
    this.runs = Objects.requireNonNull(runs);
    this.backoff = Objects.requireNonNull(backoff);
  }

  /** A run ended so and was recorded (its failure already counts in the account's streak). */
  void ended(
      String runId,
      AccountId account,
      SyncKind kind,
      Instant started,
      Instant ended,
      SyncOutcome outcome) {
    StringBuilder line =
        new StringBuilder(failed(outcome) ? "sync run failed:" : "sync run finished:")
            .append(" run=")
            .append(runId)
            .append(" account=")
            .append(account.value())
            .append(" kind=")
            .append(kind)
            .append(" outcome=")
            .append(outcome.state())
            .append(" durationMs=")
            .append(Duration.between(started, ended).toMillis());
    RunCounts counts = outcome.counts();
    line.append(" kept=")
        .append(counts.kept())
        .append(" resynced=")
        .append(counts.resynced())
        .append(" deleted=")
        .append(counts.deleted())
        .append(" profiles=")
        .append(counts.profiles())
        .append(" unreadable=")
        .append(counts.unreadable())
        .append(" apiCalls=")
        .append(counts.apiCalls());
    reason(outcome).ifPresent(r -> line.append(" reason=").append(quoted(r)));
    if (failed(outcome)) {
      line.append(" nextAttempt=").append(nextAttempt(account, outcome));
      LOG.log(Level.WARNING, line.toString());
    } else {
      LOG.log(Level.INFO, line.toString());
    }
  }

  private static boolean failed(SyncOutcome outcome) {
    return outcome instanceof SyncOutcome.Failed || outcome instanceof SyncOutcome.NeedsReauth;
  }

  private static java.util.Optional<String> reason(SyncOutcome outcome) {
    if (outcome instanceof SyncOutcome.Failed f) {
      return java.util.Optional.of(f.reason());
    }
    if (outcome instanceof SyncOutcome.NeedsReauth) {
      return java.util.Optional.of("Intercom refused the access token; an admin must reconnect.");
    }
    if (outcome instanceof SyncOutcome.Skipped s) {
      return java.util.Optional.of(s.reason());
    }
    if (outcome instanceof SyncOutcome.Cancelled c) {
      return java.util.Optional.of(c.reason());
    }
    return java.util.Optional.empty();
  }

  /**
   * When the scheduler tries the account again: the end of its failure backoff; a revoked token
   * waits for an admin; a failed webhook re-sync is no streak of its own (the hourly sync covers
   * what it missed).
   */
  private String nextAttempt(AccountId account, SyncOutcome outcome) {
    if (outcome instanceof SyncOutcome.NeedsReauth) {
      return "after-reconnect";
    }
    try {
      return runs.failing(account)
          .map(streak -> backoff.next(account, streak).toString())
          .orElse("hourly-sync");
    } catch (RuntimeException unreadable) {
      // The failure may be the database's own: the line is still worth writing.
      return "unknown";
    }
  }

  /** One line, always: quotes and backslashes escaped, line breaks as spaces. */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n', '\r', '\t' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
