package com.feedbacksync.simulator;

import java.time.Clock;

/**
 * Intercom's rate limit: a per-minute budget spread evenly over 10-second windows (1,000 a minute
 * is 167 a window). Reports the window in X-RateLimit-* headers and refuses calls over budget.
 */
final class RateLimiter {

  static final long WINDOW_MILLIS = 10_000;

  /**
   * What one call got: whether it may proceed, the headers to send, and the clock's reading that
   * put it in its window.
   */
  record Decision(
      boolean allowed, long limit, long remaining, long resetEpochSecond, long atEpochMillis) {}

  private final Clock clock;
  private long perMinute;
  private long window = -1;
  private long used;
  private long maxUsedInAnyWindow;
  private long refused;

  RateLimiter(Clock clock, long perMinute) {
    this.clock = clock;
    this.perMinute = perMinute;
  }

  synchronized void perMinute(long perMinute) {
    this.perMinute = perMinute;
  }

  synchronized long perWindow() {
    return perMinute <= 0 ? Long.MAX_VALUE : (perMinute + 5) / 6;
  }

  synchronized Decision acquire() {
    long now = clock.millis();
    long current = now / WINDOW_MILLIS;
    if (current != window) {
      window = current;
      used = 0;
    }
    long budget = perWindow();
    long reset = (current + 1) * WINDOW_MILLIS / 1000;
    if (used >= budget) {
      refused++;
      return new Decision(false, budget, 0, reset, now);
    }
    used++;
    maxUsedInAnyWindow = Math.max(maxUsedInAnyWindow, used);
    return new Decision(true, budget, budget - used, reset, now);
  }

  synchronized long maxUsedInAnyWindow() {
    return maxUsedInAnyWindow;
  }

  synchronized long refused() {
    return refused;
  }

  synchronized void reset() {
    maxUsedInAnyWindow = 0;
    refused = 0;
  }
}
