package com.feedbacksync.application.schedule;

import com.feedbacksync.application.port.in.PruneRunsUseCase;
import com.feedbacksync.application.port.out.SyncRuns;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Deletes runs older than the retention (90 days unless configured): every tick adds rows, so
 * without it the table only grows. Backoff and the hourly schedule read only recent runs.
 */
public final class RunRetention implements PruneRunsUseCase {

  public static final Duration DEFAULT = Duration.ofDays(90);

  private final SyncRuns runs;
  private final Clock clock;
  private final Duration keep;

  public RunRetention(SyncRuns runs, Clock clock, Duration keep) {
    this.runs = Objects.requireNonNull(runs);
    this.clock = Objects.requireNonNull(clock);
    if (keep.compareTo(Duration.ofDays(1)) < 0) {
      throw new IllegalArgumentException(
          "runs are kept at least a day: the daily customers sync reads the last one");
    }
    this.keep = keep;
  }

  @Override
  public int prune() {
    return runs.prune(clock.instant().minus(keep));
  }
}
