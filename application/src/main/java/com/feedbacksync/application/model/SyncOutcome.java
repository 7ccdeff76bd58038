package com.feedbacksync.application.model;

import java.util.Objects;

/** How a sync run ended. */
public sealed interface SyncOutcome {

  RunCounts counts();

  record Completed(RunCounts counts) implements SyncOutcome {
    public Completed {
      Objects.requireNonNull(counts, "counts");
    }
  }

  /** Nothing to do: no connection, or not in a state that syncs. */
  record Skipped(String reason) implements SyncOutcome {
    @Override
    public RunCounts counts() {
      return RunCounts.NONE;
    }
  }

  /** Intercom refused the token: the connection now needs an admin to reconnect. */
  record NeedsReauth(RunCounts counts) implements SyncOutcome {}

  /** Stopped on a failure; what was committed stays, and the next run resumes from there. */
  record Failed(String reason, RunCounts counts) implements SyncOutcome {}
}
