package com.feedbacksync.application.port.in;

import com.feedbacksync.application.model.LeaseToken;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.model.WebhookItem;
import com.feedbacksync.domain.account.AccountId;
import java.util.List;

/**
 * Runs one sync of one account under the account's lease, resuming from its checkpoints. Every
 * commit is fenced by the lease: once another server took the account, the run fails and writes
 * nothing more.
 */
public interface SyncIntercomUseCase {

  SyncOutcome run(AccountId account, SyncKind kind, LeaseToken lease);

  /**
   * Re-syncs the conversations and customer profiles verified webhooks asked for (a customer
   * Intercom no longer has becomes a tombstone): one {@link SyncKind#WEBHOOK} run. The hourly sync
   * stays the source of truth.
   */
  SyncOutcome resync(AccountId account, List<WebhookItem> items, LeaseToken lease);
}
