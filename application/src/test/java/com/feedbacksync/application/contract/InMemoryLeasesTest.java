package com.feedbacksync.application.contract;

import com.feedbacksync.application.fakes.InMemoryLeases;
import com.feedbacksync.application.port.out.Leases;
import com.feedbacksync.domain.account.AccountId;
import java.time.Duration;
import java.time.Instant;

/** The fake keeps the {@link Leases} contract. */
class InMemoryLeasesTest extends LeasesContract {

  private Instant now = Instant.parse("2026-11-27T10:00:00Z");
  private final InMemoryLeases leases = new InMemoryLeases(() -> now);

  @Override
  protected Leases leases() {
    return leases;
  }

  @Override
  protected AccountId newAccount() {
    return TestAccounts.random();
  }

  @Override
  protected void elapse(Duration time) {
    now = now.plus(time);
  }
}
