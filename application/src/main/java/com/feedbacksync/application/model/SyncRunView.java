package com.feedbacksync.application.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A sync run as admins see it: kind, state, times, counts, progress and the error in words. */
public record SyncRunView(
    String id,
    SyncKind kind,
    RunState state,
    Instant startedAt,
    Optional<Instant> finishedAt,
    String runner,
    RunCounts counts,
    long done,
    long total,
    Optional<String> error) {

  public SyncRunView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(runner, "runner");
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(error, "error");
  }
}
