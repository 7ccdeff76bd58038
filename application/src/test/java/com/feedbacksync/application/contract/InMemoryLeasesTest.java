package com.feedbacksync.application.contract;

import com.feedbacksync.application.fakes.InMemoryLeases;
import com.feedbacksync.application.port.out.Leases;
import com.feedbacksync.domain.account.AccountId;

/** The fake keeps the {@link Leases} contract. */
class InMemoryLeasesTest extends LeasesContract {

  private final InMemoryLeases leases = new InMemoryLeases();

  @Override
  protected Leases leases() {
    return leases;
  }

  @Override
  protected AccountId newAccount() {
    return TestAccounts.random();
  }
}
