package com.feedbacksync.application.model;

/** Where a sync run stands: running, or how it ended. */
public enum RunState {
  RUNNING,
  COMPLETED,
  /** Nothing to do: no connection, or not in a state that syncs. */
  SKIPPED,
  /** Intercom refused the token: the connection waits for an admin to reconnect. */
  NEEDS_REAUTH,
  FAILED,
  /** The admin disconnected while it ran: it stopped at its next commit, writing nothing after. */
  CANCELLED
}
