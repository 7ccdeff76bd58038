package com.feedbacksync.application.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a dead letter is tried again: {@code first} after its first failure, twice as long after
 * each further one, never longer than {@code max}. The hourly run tries the letters that are due.
 */
public record DeadLetterBackoff(Duration first, Duration max) {

  /** A letter is tried at the next hourly run, then after 1, 2, 4 ... hours, at most daily. */
  public static final DeadLetterBackoff DEFAULT =
      new DeadLetterBackoff(Duration.ofMinutes(30), Duration.ofHours(24));

  public DeadLetterBackoff {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(max, "max");
    if (first.isNegative() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("need 0 <= first <= max");
    }
  }

  /** The default's doubling from another first wait (never capped below it). */
  public static DeadLetterBackoff startingAt(Duration first) {
    return new DeadLetterBackoff(first, first.compareTo(DEFAULT.max) > 0 ? first : DEFAULT.max);
  }

  /**
   * Whether a letter read {@code attempts} times, last at {@code lastSeen}, is due at {@code now}.
   */
  public boolean due(int attempts, Instant lastSeen, Instant now) {
    return !now.isBefore(lastSeen.plus(wait(attempts)));
  }

  Duration wait(int attempts) {
    int doublings = Math.max(0, Math.min(attempts - 1, 30));
    Duration wait = first.multipliedBy(1L << doublings);
    return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
  }
}
