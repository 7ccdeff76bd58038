package com.feedbacksync.application.contract;

import com.feedbacksync.application.fakes.InMemoryConnections;
import com.feedbacksync.application.fakes.InMemorySyncRuns;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.application.port.out.SyncRuns;
import com.feedbacksync.domain.account.AccountId;

/** The fake keeps the {@link SyncRuns} contract. */
class InMemorySyncRunsTest extends SyncRunsContract {

  private final InMemoryConnections connections = new InMemoryConnections();
  private final InMemorySyncRuns runs = new InMemorySyncRuns(connections);

  @Override
  protected Connections connections() {
    return connections;
  }

  @Override
  protected SyncRuns runs() {
    return runs;
  }

  @Override
  protected AccountId newAccount() {
    return TestAccounts.random();
  }
}
