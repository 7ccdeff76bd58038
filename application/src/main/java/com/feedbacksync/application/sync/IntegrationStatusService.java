package com.feedbacksync.application.sync;

import com.feedbacksync.application.port.in.ViewIntegrationUseCase;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.application.port.out.SyncRuns;
import com.feedbacksync.domain.account.AccountId;
import java.util.Objects;

/** Reads the integration's state for the admin API. */
public final class IntegrationStatusService implements ViewIntegrationUseCase {

  /** Enough to show the running sync, the last of each kind, and what went wrong lately. */
  static final int RECENT_RUNS = 10;

  private final Connections connections;
  private final SyncRuns runs;

  public IntegrationStatusService(Connections connections, SyncRuns runs) {
    this.connections = Objects.requireNonNull(connections);
    this.runs = Objects.requireNonNull(runs);
  }

  @Override
  public IntegrationStatus status(AccountId account) {
    return new IntegrationStatus(connections.find(account), runs.recent(account, RECENT_RUNS));
  }
}
