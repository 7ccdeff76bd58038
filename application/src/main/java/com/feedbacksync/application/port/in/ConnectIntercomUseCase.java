package com.feedbacksync.application.port.in;

import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.Workspace;
import java.util.Optional;

/** Connects an account to its Intercom workspace through OAuth, and disconnects it. */
public interface ConnectIntercomUseCase {

  /** Starts OAuth for this admin: returns where to send them (Intercom's consent page). */
  String begin(AccountId account, String admin);

  /** Intercom redirected back: finishes the connection and starts the first sync. */
  ConnectOutcome finish(String state, String code, String admin);

  /** Disconnects; with {@code purge} also deletes every synced document and profile. */
  void disconnect(AccountId account, boolean purge);

  /** How a connection attempt ended, in words an admin reads. */
  sealed interface ConnectOutcome {
    record Connected(Workspace workspace, Optional<String> firstSyncRun)
        implements ConnectOutcome {}

    /** Intercom's answer rules the workspace out (e.g. no API access on its plan). */
    record Refused(String reason) implements ConnectOutcome {}

    /** The redirect does not belong to a flow this admin started, or came too late or twice. */
    record InvalidState(String reason) implements ConnectOutcome {}
  }
}
