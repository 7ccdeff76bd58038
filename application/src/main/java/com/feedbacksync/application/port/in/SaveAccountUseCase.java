package com.feedbacksync.application.port.in;

import com.feedbacksync.domain.account.Account;
import java.util.Objects;
import java.util.Optional;

/**
 * The research repository creates one of its accounts here, or updates its name and plan: it owns
 * accounts, and only it sets plans (an upgrade from Start backfills the history the limit left).
 */
public interface SaveAccountUseCase {

  /** Creates the account, or brings the stored one to this name and plan. */
  SavedAccount save(Account account);

  /**
   * The account as stored now; whether this call created it; what its plan change meant for its
   * history, when the plan changed.
   */
  record SavedAccount(
      Account account, boolean created, Optional<ChangePlanUseCase.PlanChanged> planChange) {
    public SavedAccount {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(planChange, "planChange");
    }
  }
}
