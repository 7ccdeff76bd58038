package com.feedbacksync.application.port.in;

import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import java.util.Optional;

/** Shows an admin the account they act for: its name and plan. */
public interface ViewAccountUseCase {

  /** The account, or empty when no such account exists. */
  Optional<Account> account(AccountId id);
}
