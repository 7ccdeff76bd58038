package com.feedbacksync.application.port.in;

import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.sync.PlanChange;
import java.util.Objects;
import java.util.Optional;

/** Changes an account's plan; an upgrade from Start backfills the history the limit left out. */
public interface ChangePlanUseCase {

  /** Empty when no such account exists. */
  Optional<PlanChanged> changePlan(AccountId account, Plan plan);

  /**
   * The account as it is now, what the change means for its history, and the backfill run started
   * for it (empty when there is nothing to backfill or a sync is running: the scheduler starts it
   * on its next tick).
   */
  record PlanChanged(Account account, PlanChange change, Optional<String> backfillRun) {
    public PlanChanged {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(change, "change");
      Objects.requireNonNull(backfillRun, "backfillRun");
    }
  }
}
