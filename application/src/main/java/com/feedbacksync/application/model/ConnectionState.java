package com.feedbacksync.application.model;

/** Where an account's Intercom connection stands. */
public enum ConnectionState {
  CONNECTED,
  /** Intercom refused the token (401): syncs stop, data stays, an admin must reconnect. */
  NEEDS_REAUTH,
  DISCONNECTED
}
