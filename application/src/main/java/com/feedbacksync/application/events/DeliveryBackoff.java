package com.feedbacksync.application.events;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an event waits after a failed delivery: {@code first} after the first attempt, twice as
 * long after each further one, never longer than {@code max}; each wait shortened by up to a
 * quarter (jitter), so events that failed together (the receiver was down) do not all come back at
 * the same instant.
 */
public record DeliveryBackoff(Duration first, Duration max) {

  public DeliveryBackoff {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(max, "max");
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("need 0 < first <= max");
    }
  }

  /**
   * @param attempts the attempts made so far, at least 1
   * @param jitter a draw in [0, 1): 0 waits the full time, close to 1 a quarter less
   */
  public Duration delay(int attempts, double jitter) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts >= 1");
    }
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter in [0, 1)");
    }
    long full = first.toMillis() << Math.min(attempts - 1, 30);
    long capped = full <= 0 || full > max.toMillis() ? max.toMillis() : full;
    return Duration.ofMillis(capped - (long) (capped * jitter / 4));
  }
}
