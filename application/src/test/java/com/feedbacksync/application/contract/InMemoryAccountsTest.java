package com.feedbacksync.application.contract;

import com.feedbacksync.application.fakes.InMemoryAccounts;
import com.feedbacksync.application.port.out.Accounts;

/** The fake keeps the {@link Accounts} contract. */
class InMemoryAccountsTest extends AccountsContract {

  private final InMemoryAccounts accounts = new InMemoryAccounts();

  @Override
  protected Accounts accounts() {
    return accounts;
  }
}
