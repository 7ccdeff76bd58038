package com.feedbacksync.application.port.in;

import com.feedbacksync.domain.account.AccountId;
import java.util.List;
import java.util.Optional;

/**
 * Starts syncs: those that are due, on every tick, one on an admin's "sync now", and the re-syncs
 * webhooks asked for.
 */
public interface ScheduleSyncsUseCase {

  /** Starts whatever is due; returns the ids of the runs it started. */
  List<String> tick();

  /**
   * Renews the leases of the runs this server holds, so a run keeps its account however long it
   * takes; called on a cadence of its own, whether or not this server schedules (a "sync now" on a
   * server whose scheduler is off must not lose its lease after the lease's length).
   */
  void renewLeases();

  /** Starts a sync of the account now; empty when one is already running. */
  Optional<String> syncNow(AccountId account);

  /**
   * Starts the re-syncs webhooks queued, soon and off the caller's thread, for the accounts whose
   * lease is free; the others wait for their lease.
   */
  void resyncWebhooksSoon();
}
