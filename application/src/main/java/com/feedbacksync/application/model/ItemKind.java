package com.feedbacksync.application.model;

/** What an Intercom item set aside by a sync is. */
public enum ItemKind {
  CONVERSATION,
  CONTACT
}
