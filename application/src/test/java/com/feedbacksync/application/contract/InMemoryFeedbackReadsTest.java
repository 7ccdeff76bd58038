package com.feedbacksync.application.contract;

import com.feedbacksync.application.fakes.InMemorySyncStore;
import com.feedbacksync.application.port.out.CustomerDirectory;
import com.feedbacksync.application.port.out.DocumentLibrary;
import com.feedbacksync.application.port.out.SyncStore;
import com.feedbacksync.domain.account.AccountId;

/** The fake keeps the admin reads' contract. */
class InMemoryFeedbackReadsTest extends FeedbackReadsContract {

  private final InMemorySyncStore store = new InMemorySyncStore();

  @Override
  protected SyncStore store() {
    return store;
  }

  @Override
  protected DocumentLibrary library() {
    return store;
  }

  @Override
  protected CustomerDirectory directory() {
    return store;
  }

  @Override
  protected AccountId newAccount() {
    return TestAccounts.random();
  }
}
