package com.feedbacksync.adapters.intercom;

/**
 * Counts the Intercom calls the adapter makes, by endpoint (a fixed, short name such as {@code
 * conversation} or {@code contact_search}, never an id) and the status Intercom answered; a 429 is
 * a wait for the rate limit. The server counts into its MicroProfile metrics.
 */
@FunctionalInterface
public interface CallMeter {

  /** Intercom answered this call with this status (retries are calls of their own). */
  void answered(String endpoint, int status);
}
