package com.feedbacksync.application.port.out;

import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.LeaseToken;
import com.feedbacksync.application.model.SkippedItem;
import com.feedbacksync.application.model.SyncBatch;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.SyncedConversation;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The synced data of each account (feedback documents, customer profiles, tombstones) and the
 * checkpoints of its streams, written a page at a time.
 */
public interface SyncStore {

  /**
   * What was stored of this workspace's conversations at their last sync (absent: never synced or
   * deleted). Another workspace's conversation of the same id is not this one.
   */
  Map<ConversationId, SyncedConversation> synced(
      AccountId account, WorkspaceId workspace, Collection<ConversationId> ids);

  /**
   * Which of these customers of this workspace have a profile a history walk (first sync, backfill)
   * wrote or found current at or after {@code since}, or a tombstone (final: a deleted contact
   * never comes back). A history walk asks with the instant it began, so it fetches none of its own
   * customers again, on any page and after a crash, yet fetches once more what was stored before
   * it: a contact deleted since then becomes a tombstone instead of keeping its name and e-mail.
   */
  Set<ContactId> profiled(
      AccountId account, WorkspaceId workspace, Collection<ContactId> contacts, Instant since);

  /**
   * The files stored for this workspace's conversation, each file id with its size in bytes: a
   * re-sync links them again rather than downloading them once more.
   */
  Map<String, Long> storedFiles(
      AccountId account, WorkspaceId workspace, ConversationId conversation);

  Checkpoint checkpoint(AccountId account, SyncStream stream);

  /**
   * The largest file the store accepts (a database's statement limit decides): a larger one is not
   * copied and its document says it was too large.
   */
  long maxFileBytes();

  /**
   * The workspace's dead letters (items set aside as unreadable), the longest waiting (by last
   * attempt) first.
   */
  List<SkippedItem> deadLetters(AccountId account, WorkspaceId workspace, int limit);

  /**
   * Stores a page and its checkpoint atomically. A document older than the stored one (by
   * Intercom's update time) does not replace it; a deletion leaves a tombstone and deletes the
   * conversation's files. Items set aside are recorded (an item set aside before keeps its first
   * sighting and counts one attempt more); every conversation and contact the batch stores or
   * tombstones is no longer set aside. A batch guarded by a connection is written only if, in the
   * same transaction, that connection still stands; otherwise nothing is written.
   *
   * @throws ConnectionGone the batch's connection was removed or replaced
   */
  void commit(AccountId account, SyncBatch batch);

  /**
   * The same, fenced by the lease the run holds: written only if, in the same transaction (holding
   * the lease row until it ends, so no claim can slip in before the writes land), {@code lease}
   * still holds its job on the database's clock; otherwise nothing is written. A run whose server
   * lost the lease (a long pause, a clock that ran ahead) can never write beside its successor.
   *
   * @throws LeaseLost the lease expired or another server took the job
   * @throws ConnectionGone the batch's connection was removed or replaced
   */
  void commit(AccountId account, SyncBatch batch, LeaseToken lease);

  /**
   * Checkpoints and set-aside items belong to one workspace: connecting another one forgets the
   * account's others, so it starts fresh (documents stay, marked with their workspace, until a
   * purge).
   */
  void startWorkspace(AccountId account, WorkspaceId workspace);

  /**
   * Deletes every document, file, profile, tombstone, checkpoint and set-aside item of the account.
   */
  void purge(AccountId account);

  /** The lease a fenced batch was committed under no longer holds: nothing was written. */
  final class LeaseLost extends RuntimeException {
    public LeaseLost() {
      super(
          "This server no longer held the account's lease (it expired or another server took"
              + " the account); nothing of this commit was written.",
          null,
          false,
          false);
    }
  }

  /** The connection a guarded batch was fetched under no longer stands: nothing was written. */
  final class ConnectionGone extends RuntimeException {
    public ConnectionGone() {
      super("Intercom was disconnected or connected again while the sync ran.", null, false, false);
    }
  }
}
