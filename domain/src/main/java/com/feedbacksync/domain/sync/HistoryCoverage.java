package com.feedbacksync.domain.sync;

import com.feedbacksync.domain.account.Plan;
import java.util.Objects;

/** How much of a workspace's history the first sync has taken. */
public sealed interface HistoryCoverage {

  /**
   * Whether a conversation at this position lies within the history taken: everything does, but
   * below a limited walk's oldest conversation (what the Start plan's limit left out).
   */
  default boolean covers(HistoryPosition position) {
    return !(this instanceof DownTo downTo) || !position.isOlderThan(downTo.oldestTaken());
  }

  /**
   * Whether a sync still owes this history on {@code plan}: the first sync until it finishes; after
   * it, what a limited walk left out on the paid plan only (a Start plan's account keeps only its
   * most recent conversations for good).
   */
  default boolean owesHistory(Plan plan) {
    return this instanceof NotYet || owesBackfill(plan);
  }

  /** Whether the history below a finished, limited first sync is owed: on the paid plan only. */
  default boolean owesBackfill(Plan plan) {
    Objects.requireNonNull(plan, "plan");
    return this instanceof DownTo && plan == Plan.PAID;
  }

  /** The first sync has not finished. */
  record NotYet() implements HistoryCoverage {}

  /** Everything that qualified, newest first, down to and including {@code oldestTaken}. */
  record DownTo(HistoryPosition oldestTaken) implements HistoryCoverage {
    public DownTo {
      Objects.requireNonNull(oldestTaken, "oldestTaken");
    }
  }

  /** All history. */
  record Complete() implements HistoryCoverage {}
}
