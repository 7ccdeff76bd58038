package com.feedbacksync.application.model;

import java.util.Objects;

/** How a sync run ended. */
public sealed interface SyncOutcome {

  RunCounts counts();

  /** The state a run that ended so is recorded in. */
  RunState state();

  record Completed(RunCounts counts) implements SyncOutcome {
    public Completed {
      Objects.requireNonNull(counts, "counts");
    }

    @Override
    public RunState state() {
      return RunState.COMPLETED;
    }
  }

  /** Nothing to do: no connection, or not in a state that syncs. */
  record Skipped(String reason) implements SyncOutcome {
    @Override
    public RunCounts counts() {
      return RunCounts.NONE;
    }

    @Override
    public RunState state() {
      return RunState.SKIPPED;
    }
  }

  /** Intercom refused the token: the connection now needs an admin to reconnect. */
  record NeedsReauth(RunCounts counts) implements SyncOutcome {
    @Override
    public RunState state() {
      return RunState.NEEDS_REAUTH;
    }
  }

  /** Stopped on a failure; what was committed stays, and the next run resumes from there. */
  record Failed(String reason, RunCounts counts) implements SyncOutcome {
    @Override
    public RunState state() {
      return RunState.FAILED;
    }
  }

  /**
   * The connection the run started with is gone (disconnected, reconnected or another workspace):
   * the run stopped at its next commit and wrote nothing after it.
   */
  record Cancelled(String reason, RunCounts counts) implements SyncOutcome {
    @Override
    public RunState state() {
      return RunState.CANCELLED;
    }
  }
}
