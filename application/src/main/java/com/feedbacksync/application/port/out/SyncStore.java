package com.feedbacksync.application.port.out;

import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.SyncBatch;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.sync.SyncedConversation;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The synced data of each account (feedback documents, customer profiles, tombstones) and the
 * checkpoints of its streams, written a page at a time.
 */
public interface SyncStore {

  /**
   * What was stored of these conversations at their last sync (absent: never synced or deleted).
   */
  Map<ConversationId, SyncedConversation> synced(AccountId account, Collection<ConversationId> ids);

  /**
   * Which of these customers already have a profile (or its tombstone): a history walk resumed
   * after a crash does not fetch them again.
   */
  Set<ContactId> profiled(AccountId account, Collection<ContactId> contacts);

  Checkpoint checkpoint(AccountId account, SyncStream stream);

  /**
   * Stores a page and its checkpoint atomically. A document older than the stored one (by
   * Intercom's update time) does not replace it; a deletion leaves a tombstone.
   */
  void commit(AccountId account, SyncBatch batch);

  /** Deletes every document, profile, tombstone and checkpoint of the account. */
  void purge(AccountId account);
}
