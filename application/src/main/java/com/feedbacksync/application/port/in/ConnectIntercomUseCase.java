package com.feedbacksync.application.port.in;

import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.Workspace;
import java.util.Objects;
import java.util.Optional;

/** Connects an account to its Intercom workspace through OAuth, and disconnects it. */
public interface ConnectIntercomUseCase {

  /**
   * Starts OAuth for this admin: where to send them (Intercom's consent page), and the single-use
   * state the redirect brings back (the web adapter binds it to the admin's browser).
   */
  Authorization begin(AccountId account, String admin);

  /** Intercom's consent page for this flow, and the flow's state. */
  record Authorization(String url, String state) {
    public Authorization {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(state, "state");
    }
  }

  /**
   * Intercom redirected back: finishes the connection and starts the first sync. The {@code state}
   * authenticates the redirect (the admin's browser sends no token): it names the account and the
   * admin who started, once, for ten minutes.
   *
   * @param caller the admin a bearer token names, when the redirect carries one (scripts): it must
   *     be the admin who started
   */
  ConnectOutcome finish(String state, String code, Optional<String> caller);

  /**
   * Disconnects, cancelling the running sync at its next commit; with {@code purge} also deletes
   * every synced document, file and profile.
   */
  void disconnect(AccountId account, boolean purge);

  /** How a connection attempt ended, in words an admin reads, with a code a page can explain. */
  sealed interface ConnectOutcome {

    /** A short stable name of the outcome, for the settings page's query. */
    String code();

    /**
     * The connection is live: in this account, by the admin who started the flow (the state names
     * them: the browser's redirect carries no token), with the first sync's run when it started.
     */
    record Connected(
        AccountId account, String admin, Workspace workspace, Optional<String> firstSyncRun)
        implements ConnectOutcome {
      @Override
      public String code() {
        return "connected";
      }
    }

    /** Intercom's answer rules the workspace out (no API access on its plan, consent refused). */
    record Refused(String code, String reason) implements ConnectOutcome {}

    /** Intercom refused a call for a permission the app was not granted. */
    record MissingPermission(String reason) implements ConnectOutcome {
      @Override
      public String code() {
        return "missing_permission";
      }
    }

    /** Intercom kept failing (5xx, timeouts) after retries: try again later. */
    record IntercomUnavailable(String reason) implements ConnectOutcome {
      @Override
      public String code() {
        return "intercom_unavailable";
      }
    }

    /** The redirect does not belong to a flow that admin started, or came too late or twice. */
    record InvalidState(String code, String reason) implements ConnectOutcome {}
  }
}
