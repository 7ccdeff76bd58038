package com.feedbacksync.application.contract;

import com.feedbacksync.application.fakes.InMemorySyncStore;
import com.feedbacksync.application.port.out.SyncStore;
import com.feedbacksync.domain.account.AccountId;

/** The fake keeps the {@link SyncStore} contract. */
class InMemorySyncStoreTest extends SyncStoreContract {

  private final InMemorySyncStore store = new InMemorySyncStore();

  @Override
  protected SyncStore store() {
    return store;
  }

  @Override
  protected AccountId newAccount() {
    return TestAccounts.random();
  }
}
