package com.feedbacksync.application.port.out;

import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import java.util.Optional;

/** The accounts the service knows, as stored. */
public interface Accounts {

  Optional<Account> find(AccountId id);

  /** Stores the account's new plan; false when no such account exists. */
  boolean changePlan(AccountId id, Plan plan);
}
