package com.feedbacksync.application.port.out;

import java.util.List;

/**
 * Why Intercom could not be read, in words an admin understands. The Intercom adapter turns HTTP
 * statuses into these; nothing else sees a status code.
 */
public abstract sealed class IntercomFailure extends RuntimeException
    permits IntercomFailure.AuthorizationRevoked,
        IntercomFailure.NoApiAccess,
        IntercomFailure.MissingPermission,
        IntercomFailure.Unavailable,
        IntercomFailure.Rejected,
        IntercomFailure.NotConfigured,
        IntercomFailure.Unreadable,
        IntercomFailure.TooLarge {

  private IntercomFailure(String message, Throwable cause) {
    super(message, cause);
  }

  /** 401: the token no longer works (revoked, or the app was uninstalled). Not retried. */
  public static final class AuthorizationRevoked extends IntercomFailure {
    public AuthorizationRevoked() {
      super(
          "Intercom no longer accepts this connection's authorization. Reconnect Intercom.", null);
    }
  }

  /** 403 api_plan_restricted: the workspace's Intercom plan gives no API access. */
  public static final class NoApiAccess extends IntercomFailure {
    public NoApiAccess() {
      super(
          "This Intercom workspace's plan has no API access (Intercom's Free and Lite plans).",
          null);
    }
  }

  /** 403 for another reason: the app lacks a permission (scope) the call needs. */
  public static final class MissingPermission extends IntercomFailure {
    public MissingPermission(String detail) {
      super(
          "Intercom refused access for a missing permission ("
              + detail
              + "). Connect again and allow every permission Intercom asks for (Read conversations;"
              + " Read and list users and companies).",
          null);
    }
  }

  /** Intercom kept failing (5xx, timeouts, dropped connections, broken answers) after retries. */
  public static final class Unavailable extends IntercomFailure {
    public Unavailable(String detail, Throwable cause) {
      super("Intercom did not answer properly after several tries: " + detail, cause);
    }
  }

  /** Intercom refused the request itself (4xx other than the above): a bug on our side. */
  public static final class Rejected extends IntercomFailure {
    public Rejected(String detail) {
      super("Intercom refused a request: " + detail, null);
    }
  }

  /**
   * This server has no usable Intercom app (OAuth client), so Intercom was never asked: an operator
   * has to set the configuration it names.
   */
  public static final class NotConfigured extends IntercomFailure {
    private final List<String> missing;

    /**
     * @param missing what the operator has to set or fix, one sentence each
     */
    public NotConfigured(List<String> missing) {
      super("Intercom is not configured on this server: " + String.join("; ", missing), null);
      this.missing = List.copyOf(missing);
    }

    /** What the operator has to set or fix, one sentence each. */
    public List<String> missing() {
      return missing;
    }
  }

  /**
   * Intercom answered, but the answer cannot be made into the domain's item (an id over the limit,
   * a field the mapping refuses, nesting too deep): the same answer comes every time, so it is not
   * retried.
   */
  public static final class Unreadable extends IntercomFailure {
    public Unreadable(String detail, Throwable cause) {
      super("Intercom's answer could not be read: " + detail, cause);
    }
  }

  /** A file larger than the most that may be downloaded: it is not copied. */
  public static final class TooLarge extends IntercomFailure {
    private final long limit;

    public TooLarge(long limit) {
      super("The file is larger than " + limit + " bytes.", null);
      this.limit = limit;
    }

    public long limit() {
      return limit;
    }
  }

  /**
   * Whether this failure concerns the one item asked for (it can be set aside and the walk go on),
   * rather than the connection or Intercom as a whole.
   */
  public boolean itemOnly() {
    return this instanceof Unavailable || this instanceof Rejected || this instanceof Unreadable;
  }
}
