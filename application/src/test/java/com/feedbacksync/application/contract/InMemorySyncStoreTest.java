package com.feedbacksync.application.contract;

import com.feedbacksync.application.fakes.InMemoryConnections;
import com.feedbacksync.application.fakes.InMemorySyncStore;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.application.port.out.SyncStore;
import com.feedbacksync.domain.account.AccountId;

/** The fake keeps the {@link SyncStore} contract. */
class InMemorySyncStoreTest extends SyncStoreContract {

  private final InMemoryConnections connections = new InMemoryConnections();
  private final com.feedbacksync.application.fakes.InMemoryLeases leases =
      new com.feedbacksync.application.fakes.InMemoryLeases();
  private final InMemorySyncStore store = new InMemorySyncStore(connections).fencedBy(leases);

  @Override
  protected com.feedbacksync.application.port.out.Leases leases() {
    return leases;
  }

  @Override
  protected SyncStore store() {
    return store;
  }

  @Override
  protected AccountId newAccount() {
    return TestAccounts.random();
  }

  @Override
  protected Connections connections() {
    return connections;
  }

  @Override
  protected long storedFiles(AccountId account) {
    return store.data(account).files.size();
  }
}
