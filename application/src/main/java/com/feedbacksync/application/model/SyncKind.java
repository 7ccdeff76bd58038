package com.feedbacksync.application.model;

/** The kinds of sync run an account has. */
public enum SyncKind {
  /** The first sync after connecting: history under the plan's limit, newest first. */
  FIRST,
  /** New and changed conversations since the last run, and deletions: every hour. */
  HOURLY,
  /** After an upgrade: the history the Start plan's limit left out. */
  BACKFILL,
  /** Contacts and companies updated since the last daily run. */
  CUSTOMERS,
  /** Conversations and customers verified webhooks asked for, re-synced as one batch. */
  WEBHOOK
}
