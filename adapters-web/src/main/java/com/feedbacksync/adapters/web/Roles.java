package com.feedbacksync.adapters.web;

/** The two roles an admin token's `groups` claim can carry. */
final class Roles {

  /** May read and change settings. */
  static final String ADMIN = "admin";

  /** May read. */
  static final String MEMBER = "member";

  private Roles() {}
}
