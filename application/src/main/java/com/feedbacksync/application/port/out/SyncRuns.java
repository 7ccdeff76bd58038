package com.feedbacksync.application.port.out;

import com.feedbacksync.application.sync.SyncKind;
import com.feedbacksync.application.sync.SyncOutcome;
import com.feedbacksync.domain.account.AccountId;
import java.time.Instant;
import java.util.Optional;

/** The record of sync runs: kind, times, counts and outcome, for admins and for scheduling. */
public interface SyncRuns {

  /** Records a run that starts now; returns its id. */
  String start(AccountId account, SyncKind kind, Instant startedAt);

  void finish(String runId, SyncOutcome outcome, Instant finishedAt);

  /** When the last run of this kind that did not fail started. */
  Optional<Instant> lastStarted(AccountId account, SyncKind kind);
}
