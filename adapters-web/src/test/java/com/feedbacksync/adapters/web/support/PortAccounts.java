package com.feedbacksync.adapters.web.support;

import com.feedbacksync.application.contract.TestAccounts;
import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;

/**
 * Accounts for the tests that run inside the server (the port contracts, whose rows need their
 * account, and the engine's ITs), made through the application's {@link Accounts} port as the
 * persistence adapter implements it, not by SQL (issue #19). The research repository's HTTP API
 * ({@link ApiClient#createAccount}) is out of their reach: its service token is signed with the
 * test JVM's key, which the server's JVM does not hold.
 */
public final class PortAccounts {

  private PortAccounts() {}

  /** A fresh account on the paid plan, whose history has no limit to get in a contract's way. */
  public static AccountId create(Accounts accounts) {
    return create(accounts, new Account(TestAccounts.random(), "Contract", Plan.PAID));
  }

  public static AccountId create(Accounts accounts, Account account) {
    if (!accounts.add(account)) {
      throw new IllegalStateException("account " + account.id() + " exists already");
    }
    return account.id();
  }
}
