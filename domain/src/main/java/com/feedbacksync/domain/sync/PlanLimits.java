package com.feedbacksync.domain.sync;

import com.feedbacksync.domain.account.Plan;
import java.time.Instant;
import java.util.Objects;

/**
 * How much history each plan syncs. Start (free): the first sync takes the most recent qualifying
 * conversations, 5,000 by default, newest first by creation time. Paid: all history. Conversations
 * created after the workspace was connected are always taken, whatever the count; so is activity in
 * the hourly sync: the limit applies to the first sync's history only. An upgrade to a paid plan
 * backfills exactly what the limit left out. A downgrade deletes nothing.
 */
public record PlanLimits(int startPlanHistoryLimit) {

  public static final int DEFAULT_START_PLAN_HISTORY_LIMIT = 5_000;

  public static final PlanLimits DEFAULT = new PlanLimits(DEFAULT_START_PLAN_HISTORY_LIMIT);

  public PlanLimits {
    if (startPlanHistoryLimit < 0) {
      throw new IllegalArgumentException("the Start plan's history limit cannot be negative");
    }
  }

  /**
   * The quota of a history walk on this plan, having taken {@code historicTaken} conversations
   * created before {@code connectedAt}.
   */
  public HistoryQuota quota(Plan plan, Instant connectedAt, int historicTaken) {
    Objects.requireNonNull(plan, "plan");
    return plan == Plan.PAID
        ? HistoryQuota.unlimited(connectedAt, historicTaken)
        : new HistoryQuota(startPlanHistoryLimit, connectedAt, historicTaken);
  }

  /** What a change of plan means for history already synced ({@code coverage}). */
  public PlanChange planChanged(Plan from, Plan to, HistoryCoverage coverage) {
    Objects.requireNonNull(coverage, "coverage");
    if (from == to) {
      return new PlanChange.NoBackfill("The plan did not change.");
    }
    if (to == Plan.START) {
      return new PlanChange.NoBackfill(
          "Everything already synced is kept; new conversations keep syncing.");
    }
    if (coverage instanceof HistoryCoverage.DownTo downTo) {
      return new PlanChange.Backfill(downTo.oldestTaken());
    }
    if (coverage instanceof HistoryCoverage.Complete) {
      return new PlanChange.NoBackfill("All history is already synced.");
    }
    return new PlanChange.NoBackfill("The first sync has not finished; it now takes all history.");
  }
}
