package com.feedbacksync.application.account;

import com.feedbacksync.application.port.in.ChangePlanUseCase;
import com.feedbacksync.application.port.in.ScheduleSyncsUseCase;
import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.PlanChange;
import com.feedbacksync.domain.sync.PlanLimits;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes plans. An upgrade whose first sync stopped at the Start limit starts the backfill at once
 * (or, when a sync is running, on the scheduler's next tick); a downgrade deletes nothing.
 */
public final class PlanService implements ChangePlanUseCase {

  private final Accounts accounts;
  private final Connections connections;
  private final PlanLimits limits;
  private final ScheduleSyncsUseCase scheduler;

  public PlanService(
      Accounts accounts,
      Connections connections,
      PlanLimits limits,
      ScheduleSyncsUseCase scheduler) {
    this.accounts = Objects.requireNonNull(accounts);
    this.connections = Objects.requireNonNull(connections);
    this.limits = Objects.requireNonNull(limits);
    this.scheduler = Objects.requireNonNull(scheduler);
  }

  @Override
  public Optional<PlanChanged> changePlan(AccountId id, Plan plan) {
    Optional<Account> before = accounts.find(id);
    if (before.isEmpty() || !accounts.changePlan(id, plan)) {
      return Optional.empty();
    }
    HistoryCoverage coverage =
        connections.find(id).map(c -> c.coverage()).orElseGet(HistoryCoverage.NotYet::new);
    PlanChange change = limits.planChanged(before.get().plan(), plan, coverage);
    Optional<String> run =
        change instanceof PlanChange.Backfill ? scheduler.syncNow(id) : Optional.empty();
    Account after = new Account(id, before.get().name(), plan);
    return Optional.of(new PlanChanged(after, change, run));
  }
}
