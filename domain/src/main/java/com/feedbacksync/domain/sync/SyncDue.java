package com.feedbacksync.domain.sync;

import java.time.Instant;
import java.util.Objects;

/** When a scheduled sync should run. */
public sealed interface SyncDue {

  boolean now();

  record Now() implements SyncDue {
    @Override
    public boolean now() {
      return true;
    }
  }

  record At(Instant when) implements SyncDue {
    public At {
      Objects.requireNonNull(when, "when");
    }

    @Override
    public boolean now() {
      return false;
    }
  }
}
