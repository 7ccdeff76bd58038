package com.feedbacksync.domain.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a connected account's conversations lag: no conversation sync (a first or an hourly one) has
 * completed for longer than the limit since the account was connected. The clock starts at the
 * later of the connection and the last success: a success from before a reconnect says nothing
 * about the connection of now, and a connection younger than the limit is not late yet, even while
 * its first sync runs. Exactly at the limit is not late ("older than two hours").
 */
public record SyncLag(Duration limit) {

  /** Two hourly syncs missed: one late or failed run is noise, two are a trend. */
  public static final SyncLag DEFAULT = new SyncLag(Duration.ofHours(2));

  public SyncLag {
    Objects.requireNonNull(limit, "limit");
    if (limit.compareTo(Duration.ZERO) <= 0) {
      throw new IllegalArgumentException("limit must be positive");
    }
  }

  /**
   * Whether an account connected at {@code connectedAt}, whose last completed conversation sync
   * ended at {@code lastSuccess} (if ever), lags at {@code now}.
   */
  public boolean lagging(Instant now, Instant connectedAt, Optional<Instant> lastSuccess) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(connectedAt, "connectedAt");
    Instant since = lastSuccess.filter(s -> s.isAfter(connectedAt)).orElse(connectedAt);
    return since.isBefore(now.minus(limit));
  }
}
