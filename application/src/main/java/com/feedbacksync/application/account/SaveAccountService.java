package com.feedbacksync.application.account;

import com.feedbacksync.application.port.in.ChangePlanUseCase;
import com.feedbacksync.application.port.in.SaveAccountUseCase;
import com.feedbacksync.application.port.in.SaveAccountUseCase.IdClash;
import com.feedbacksync.application.port.in.SaveAccountUseCase.Saved;
import com.feedbacksync.application.port.in.SaveAccountUseCase.SavedAccount;
import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.domain.account.Account;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates or updates an account as the research repository describes it. Saving the same account
 * twice changes nothing the second time; a plan change goes through {@link ChangePlanUseCase}, so
 * an upgrade backfills exactly as it always did.
 */
public final class SaveAccountService implements SaveAccountUseCase {

  private final Accounts accounts;
  private final ChangePlanUseCase plans;

  public SaveAccountService(Accounts accounts, ChangePlanUseCase plans) {
    this.accounts = Objects.requireNonNull(accounts);
    this.plans = Objects.requireNonNull(plans);
  }

  @Override
  public Saved save(Account account) {
    if (accounts.add(account)) {
      return new SavedAccount(account, true, Optional.empty());
    }
    // Accounts are never deleted: one whose id is taken is there to read.
    Account before =
        accounts
            .find(account.id())
            .orElseThrow(() -> new IllegalStateException("account " + account.id() + " vanished"));
    if (!before.id().value().equals(account.id().value())) {
      return new IdClash(account.id(), before.id());
    }
    if (!before.name().equals(account.name())) {
      accounts.rename(account.id(), account.name());
    }
    Optional<ChangePlanUseCase.PlanChanged> change =
        before.plan() == account.plan()
            ? Optional.empty()
            : plans.changePlan(account.id(), account.plan());
    return new SavedAccount(account, false, change);
  }
}
