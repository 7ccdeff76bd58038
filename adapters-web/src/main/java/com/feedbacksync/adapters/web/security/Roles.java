package com.feedbacksync.adapters.web.security;

/** The two roles an admin token's `groups` claim can carry. */
public final class Roles {

  /** May read and change settings. */
  public static final String ADMIN = "admin";

  /** May read. */
  public static final String MEMBER = "member";

  private Roles() {}
}
