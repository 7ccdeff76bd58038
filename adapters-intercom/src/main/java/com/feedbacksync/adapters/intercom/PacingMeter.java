package com.feedbacksync.adapters.intercom;

import java.time.Duration;

/**
 * Counts the time the adapter's own pacing held calls back to stay inside a window's budget, so
 * that Intercom never had to answer 429 (the 429s' waits are the {@link CallMeter}'s). The server
 * counts into its MicroProfile metrics.
 */
@FunctionalInterface
public interface PacingMeter {

  /** A call waited this long for the next rate-limit window. */
  void waited(Duration wait);
}
