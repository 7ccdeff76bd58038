package com.feedbacksync.application.model;

/** What an account's admin or the research repository asked for, as the audit trail names it. */
public enum AuditAction {
  /** An admin started connecting Intercom (the OAuth consent page). */
  CONNECT,
  /** Intercom's redirect came back and the connection is live. */
  CONNECTED,
  /** An admin disconnected; the detail says whether the synced data was purged too. */
  DISCONNECT,
  /** An admin started a sync now. */
  SYNC_NOW,
  /** An admin changed the account's document settings. */
  SETTINGS_CHANGE,
  /** Someone tried to change the plan through the account's own endpoint (admins may not). */
  PLAN_CHANGE,
  /** The research repository created or updated the account (name and plan). */
  ACCOUNT_SAVE
}
