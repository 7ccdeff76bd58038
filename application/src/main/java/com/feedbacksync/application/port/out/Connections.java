package com.feedbacksync.application.port.out;

import com.feedbacksync.application.model.Connection;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.WorkspaceId;
import java.util.List;
import java.util.Optional;

/** The accounts' Intercom connections, tokens encrypted at rest. */
public interface Connections {

  Optional<Connection> find(AccountId account);

  void save(Connection connection);

  /** Forgets the connection (and its token): the account is disconnected. */
  void remove(AccountId account);

  /** The connections to this Intercom workspace (webhooks name the workspace, not the account). */
  List<Connection> ofWorkspace(WorkspaceId workspace);

  /** The accounts whose connection is live (CONNECTED). */
  List<AccountId> connected();
}
