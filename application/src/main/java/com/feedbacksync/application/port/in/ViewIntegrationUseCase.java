package com.feedbacksync.application.port.in;

import com.feedbacksync.application.model.ConnectionView;
import com.feedbacksync.application.model.SyncRunView;
import com.feedbacksync.domain.account.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Shows an admin where the Intercom integration stands: the connection and the recent runs. */
public interface ViewIntegrationUseCase {

  IntegrationStatus status(AccountId account);

  /** The account's runs, newest first. */
  List<SyncRunView> runs(AccountId account, int limit);

  /** One of the account's runs; another account's run is not found. */
  Optional<SyncRunView> run(AccountId account, String runId);

  /**
   * The connection (empty: disconnected), the latest runs (newest first), when conversations were
   * last synced and when they will be next (empty while disconnected or needing reconnection), and
   * why the next sync waits longer than its schedule (failing runs back off).
   */
  record IntegrationStatus(
      Optional<ConnectionView> connection,
      List<SyncRunView> runs,
      Optional<Instant> lastSync,
      Optional<Instant> nextSync,
      Optional<String> nextSyncReason) {}
}
