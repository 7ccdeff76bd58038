package com.feedbacksync.adapters.web.security;

/**
 * The roles a token's `groups` claim can carry: an account's admins and members (tokens with an
 * `account` claim), and the research repository itself (a token it signs for itself, without one).
 */
public final class Roles {

  /** May read and change settings. */
  public static final String ADMIN = "admin";

  /** May read. */
  public static final String MEMBER = "member";

  /** The research repository: creates and updates accounts and sets their plans; reads no data. */
  public static final String SERVICE = "service";

  private Roles() {}
}
