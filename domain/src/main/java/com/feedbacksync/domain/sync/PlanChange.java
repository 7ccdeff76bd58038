package com.feedbacksync.domain.sync;

import java.util.Objects;

/** What a change of plan means for the synced history. */
public sealed interface PlanChange {

  /** Take every qualifying conversation older than {@code olderThan}; nothing already synced. */
  record Backfill(HistoryPosition olderThan) implements PlanChange {
    public Backfill {
      Objects.requireNonNull(olderThan, "olderThan");
    }
  }

  /** Nothing to fetch, for the reason given (shown to the admin). */
  record NoBackfill(String reason) implements PlanChange {
    public NoBackfill {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
