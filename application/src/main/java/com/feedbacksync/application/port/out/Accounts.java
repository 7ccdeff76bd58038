package com.feedbacksync.application.port.out;

import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import java.util.Optional;
import java.util.Set;

/** The accounts the service knows, as stored. */
public interface Accounts {

  Optional<Account> find(AccountId id);

  /**
   * Stores a new account; false, changing nothing, when its id is taken (also when another request
   * stored it a moment before: the check and the write are one).
   */
  boolean add(Account account);

  /** Stores the account's new name; false when no such account exists. */
  boolean rename(AccountId id, String name);

  /** Stores the account's new plan; false when no such account exists. */
  boolean changePlan(AccountId id, Plan plan);

  /** Every account on this plan, in one read (the scheduler asks once a tick, not per account). */
  Set<AccountId> onPlan(Plan plan);
}
