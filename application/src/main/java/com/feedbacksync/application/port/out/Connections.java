package com.feedbacksync.application.port.out;

import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.ConnectionIdentity;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.HistoryCoverage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts' Intercom connections, tokens encrypted at rest. Only connecting writes a whole
 * connection; a run changes what it owns (coverage, last error, state on failure), and only while
 * the connection it started with stands: a row that is gone stays gone, a newer one is left alone.
 */
public interface Connections {

  Optional<Connection> find(AccountId account);

  /** Stores the connection an admin just made, replacing whatever the account had. */
  void save(Connection connection);

  /** Forgets the connection (and its token): the account is disconnected. */
  void remove(AccountId account);

  /** The connections to this Intercom workspace (webhooks name the workspace, not the account). */
  List<Connection> ofWorkspace(WorkspaceId workspace);

  /** The accounts whose connection is live (CONNECTED). */
  List<AccountId> connected();

  /**
   * The connected accounts whose history is not all taken, with how far it is: no first sync
   * finished yet, or only the most recent conversations taken (a paid plan's backfill may be owed).
   */
  Map<AccountId, HistoryCoverage> connectedWithHistoryToTake();

  /** How much history is taken; false (nothing written) when that connection no longer stands. */
  boolean recordCoverage(ConnectionIdentity connection, HistoryCoverage coverage);

  /** A run failed: the state it leaves and why; false when that connection no longer stands. */
  boolean recordFailure(ConnectionIdentity connection, ConnectionState state, String error);

  /** A run succeeded: the last error is history; false when that connection no longer stands. */
  boolean clearError(ConnectionIdentity connection);
}
