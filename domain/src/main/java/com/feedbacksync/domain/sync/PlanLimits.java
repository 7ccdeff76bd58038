package com.feedbacksync.domain.sync;

import com.feedbacksync.domain.account.Plan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
   * Whether the first sync takes a qualifying conversation, met newest first.
   *
   * @param historicTaken how many conversations created before {@code connectedAt} it took so far
   */
  public boolean admits(
      Plan plan, Instant connectedAt, HistoryPosition candidate, int historicTaken) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(connectedAt, "connectedAt");
    return plan == Plan.PAID
        || !candidate.createdAt().isBefore(connectedAt)
        || historicTaken < startPlanHistoryLimit;
  }

  /** Whether the first sync, having taken {@code historicTaken}, can stop walking history. */
  /**
   * How many more historic conversations the plan admits: all of them on a paid plan, what is left
   * of the limit on Start.
   */
  public long remaining(Plan plan, int historicTaken) {
    Objects.requireNonNull(plan, "plan");
    return plan == Plan.PAID
        ? Long.MAX_VALUE
        : Math.max(0, (long) startPlanHistoryLimit - historicTaken);
  }

  public boolean historyFull(Plan plan, int historicTaken) {
    return plan == Plan.START && historicTaken >= startPlanHistoryLimit;
  }

  /** The first sync's choice among qualifying conversations, newest first. */
  public List<HistoryPosition> selectFirstSync(
      Plan plan, Instant connectedAt, List<HistoryPosition> qualifying) {
    List<HistoryPosition> newestFirst = new ArrayList<>(qualifying);
    newestFirst.sort(null);
    List<HistoryPosition> taken = new ArrayList<>();
    int historic = 0;
    for (HistoryPosition candidate : newestFirst) {
      if (admits(plan, connectedAt, candidate, historic)) {
        taken.add(candidate);
        if (candidate.createdAt().isBefore(connectedAt)) {
          historic++;
        }
      }
    }
    return List.copyOf(taken);
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
