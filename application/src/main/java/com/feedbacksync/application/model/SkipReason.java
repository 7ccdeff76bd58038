package com.feedbacksync.application.model;

/** Why a sync left an Intercom item out. */
public enum SkipReason {
  /** The reply rule left the conversation out: no customer wrote in it. */
  NO_CUSTOMER_REPLY,
  /** Intercom's answer could not be had or read after the retries: a dead letter, retried later. */
  UNREADABLE
}
