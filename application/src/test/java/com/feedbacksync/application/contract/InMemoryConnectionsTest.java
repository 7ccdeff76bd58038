package com.feedbacksync.application.contract;

import com.feedbacksync.application.fakes.InMemoryConnections;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.domain.account.AccountId;

/** The fake keeps the {@link Connections} contract. */
class InMemoryConnectionsTest extends ConnectionsContract {

  private final InMemoryConnections connections = new InMemoryConnections();

  @Override
  protected Connections connections() {
    return connections;
  }

  @Override
  protected AccountId newAccount() {
    return TestAccounts.random();
  }
}
