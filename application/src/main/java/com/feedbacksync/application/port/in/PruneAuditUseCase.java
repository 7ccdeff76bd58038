package com.feedbacksync.application.port.in;

/** Keeps the audit trail for a bounded time: older entries are deleted. */
public interface PruneAuditUseCase {

  /** Deletes entries older than the retention; returns how many. */
  int prune();
}
