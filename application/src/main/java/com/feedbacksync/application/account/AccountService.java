package com.feedbacksync.application.account;

import com.feedbacksync.application.port.in.ViewAccountUseCase;
import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import java.util.Objects;
import java.util.Optional;

/** Answers questions about an account from the stored accounts. */
public final class AccountService implements ViewAccountUseCase {

  private final Accounts accounts;

  public AccountService(Accounts accounts) {
    this.accounts = Objects.requireNonNull(accounts, "accounts");
  }

  @Override
  public Optional<Account> account(AccountId id) {
    return accounts.find(id);
  }
}
