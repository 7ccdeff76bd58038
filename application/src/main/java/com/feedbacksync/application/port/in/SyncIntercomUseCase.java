package com.feedbacksync.application.port.in;

import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.WorkspaceId;

/** Runs one kind of sync for one account, resuming from its checkpoints. */
public interface SyncIntercomUseCase {

  SyncOutcome run(AccountId account, SyncKind kind);

  /**
   * Re-syncs one conversation now, for every account connected to the workspace: what a verified
   * webhook asks for. The hourly sync stays the source of truth.
   */
  SyncOutcome resyncConversation(WorkspaceId workspace, ConversationId conversation);

  /**
   * Re-syncs one customer profile now (a verified webhook said it changed); a contact Intercom no
   * longer has becomes a tombstone.
   */
  SyncOutcome resyncContact(WorkspaceId workspace, ContactId contact);
}
