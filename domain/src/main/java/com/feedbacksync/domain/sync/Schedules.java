package com.feedbacksync.domain.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When syncs are due: conversations every hour, customers and companies once a day, each counted
 * from the start of its last run. Time is passed in, never read from a clock.
 */
public record Schedules(Duration conversationInterval, Duration customerInterval) {

  public static final Schedules DEFAULT = new Schedules(Duration.ofHours(1), Duration.ofDays(1));

  public Schedules {
    requirePositive(conversationInterval, "conversationInterval");
    requirePositive(customerInterval, "customerInterval");
  }

  public SyncDue conversationSync(Optional<Instant> lastStartedAt, Instant now) {
    return due(lastStartedAt, conversationInterval, now);
  }

  public SyncDue customerSync(Optional<Instant> lastStartedAt, Instant now) {
    return due(lastStartedAt, customerInterval, now);
  }

  private static SyncDue due(Optional<Instant> lastStartedAt, Duration interval, Instant now) {
    Objects.requireNonNull(now, "now");
    if (lastStartedAt.isEmpty()) {
      return new SyncDue.Now();
    }
    Instant next = lastStartedAt.get().plus(interval);
    return next.isAfter(now) ? new SyncDue.At(next) : new SyncDue.Now();
  }

  private static void requirePositive(Duration interval, String name) {
    Objects.requireNonNull(interval, name);
    if (interval.compareTo(Duration.ZERO) <= 0) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
