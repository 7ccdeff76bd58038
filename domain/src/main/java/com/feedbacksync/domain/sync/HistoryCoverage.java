package com.feedbacksync.domain.sync;

import java.util.Objects;

/** How much of a workspace's history the first sync has taken. */
public sealed interface HistoryCoverage {

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
