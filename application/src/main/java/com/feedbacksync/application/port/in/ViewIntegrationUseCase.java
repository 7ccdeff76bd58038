package com.feedbacksync.application.port.in;

import com.feedbacksync.application.port.out.Connection;
import com.feedbacksync.application.port.out.SyncRunView;
import com.feedbacksync.domain.account.AccountId;
import java.util.List;
import java.util.Optional;

/** Shows an admin where the Intercom integration stands: the connection and the recent runs. */
public interface ViewIntegrationUseCase {

  IntegrationStatus status(AccountId account);

  /** The connection (empty: disconnected) and the latest runs, newest first. */
  record IntegrationStatus(Optional<Connection> connection, List<SyncRunView> runs) {}
}
