package com.feedbacksync.domain.account;

/**
 * The research repository plan an account is on; it decides how much Intercom history is synced.
 */
public enum Plan {
  /** The free plan: the first sync takes the most recent conversations only. */
  START,
  /** Any paid plan: all history. */
  PAID
}
