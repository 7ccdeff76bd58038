package com.feedbacksync.application.model;

/** A line of work with its own checkpoint: each resumes where it stopped. */
public enum SyncStream {
  /** The first sync's walk through history, newest first. */
  HISTORY,
  /** The backfill of older history after an upgrade to a paid plan. */
  BACKFILL,
  /** The hourly walk through conversations updated since the last one. */
  CONVERSATIONS,
  /** Deleted conversations Intercom reports. */
  DELETIONS,
  /** The daily walk through contacts updated since the last one. */
  CUSTOMERS,
  /** The daily walk through companies updated since the last one, to their contacts' profiles. */
  COMPANIES,
  /** Single conversations a webhook asked for; it has no position to keep. */
  WEBHOOKS,
  /** Items set aside as unreadable, tried again; it has no position to keep. */
  DEAD_LETTERS
}
