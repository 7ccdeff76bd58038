package com.feedbacksync.domain.sync;

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
