package com.feedbacksync.application.port.in;

/** Keeps the record of sync runs for a bounded time: older finished runs are deleted. */
public interface PruneRunsUseCase {

  /** Deletes finished runs older than the retention; returns how many. */
  int prune();
}
