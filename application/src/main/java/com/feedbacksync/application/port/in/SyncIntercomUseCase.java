package com.feedbacksync.application.port.in;

import com.feedbacksync.application.sync.SyncKind;
import com.feedbacksync.application.sync.SyncOutcome;
import com.feedbacksync.domain.account.AccountId;

/** Runs one kind of sync for one account, resuming from its checkpoints. */
public interface SyncIntercomUseCase {

  SyncOutcome run(AccountId account, SyncKind kind);
}
