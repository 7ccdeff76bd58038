package com.feedbacksync.application.port.in;

import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import java.util.Objects;
import java.util.Optional;

/**
 * The research repository creates one of its accounts here, or updates its name and plan: it owns
 * accounts, and only it sets plans (an upgrade from Start backfills the history the limit left).
 */
public interface SaveAccountUseCase {

  /** Creates the account, or brings the stored one to this name and plan. */
  Saved save(Account account);

  /** What saving an account did. */
  sealed interface Saved permits SavedAccount, IdClash {}

  /**
   * The account as stored now; whether this call created it; what its plan change meant for its
   * history, when the plan changed.
   */
  record SavedAccount(
      Account account, boolean created, Optional<ChangePlanUseCase.PlanChanged> planChange)
      implements Saved {
    public SavedAccount {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(planChange, "planChange");
    }
  }

  /**
   * Nothing saved: the database compares ids without letter case, and another account's id differs
   * from this one only so. Saving would rename and re-plan that account, and tokens of this id
   * would read its data.
   */
  record IdClash(AccountId requested, AccountId stored) implements Saved {
    public IdClash {
      Objects.requireNonNull(requested, "requested");
      Objects.requireNonNull(stored, "stored");
    }
  }
}
