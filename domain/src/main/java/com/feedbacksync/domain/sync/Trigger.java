package com.feedbacksync.domain.sync;

/** A reason to fetch an already-synced conversation again. */
public enum Trigger {
  CUSTOMER_REPLY,
  AGENT_REPLY,
  TAG_ADDED,
  /** Not in the original promise: re-fetched so the flat tag list stays true. */
  TAG_REMOVED,
  STATUS_CHANGED
}
