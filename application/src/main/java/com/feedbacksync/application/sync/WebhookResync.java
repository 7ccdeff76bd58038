package com.feedbacksync.application.sync;

import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.ConversationFetch;
import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.Conversation;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.sync.ChangeTriggers;
import com.feedbacksync.domain.sync.HistoryPosition;
import java.util.List;
import java.util.Optional;

/**
 * What a verified webhook asks for: one conversation or one customer, now. Its stream has no
 * checkpoint, so the hourly walk stays where it was; a stale copy cannot overwrite what the walk
 * stored later (the store compares update times).
 */
final class WebhookResync {

  private final SyncRun run;
  private final DocumentImport imports;
  private final ProfileFetches profiles;

  WebhookResync(SyncRun run, DocumentImport imports, ProfileFetches profiles) {
    this.run = run;
    this.imports = imports;
    this.profiles = profiles;
  }

  /**
   * The conversation again, or its tombstone when Intercom deleted it. One Intercom cannot give in
   * a readable form is set aside as a dead letter, which the hourly run tries again, rather than
   * failing the run and the rest of its batch with it.
   */
  void conversation(ConversationId id) {
    PendingBatch part = new PendingBatch();
    Optional<ConversationFetch> fetched = ItemsAgain.conversation(run, id, part);
    if (fetched.isPresent()
        && fetched.get() instanceof ConversationFetch.Found found
        && outsideHistory(found.conversation())) {
      // Below the history the plan took (the Start plan's 5,000) with no new reply: a tag or a
      // status change does not bring it in, as the hourly sync leaves it out.
      part.count(RunCounts.unchanged(1));
    } else if (fetched.isPresent() && fetched.get() instanceof ConversationFetch.Found found) {
      Optional<DocumentImport.Imported> kept = imports.of(found.conversation());
      kept.ifPresent(part::imported);
      part.count(kept.isPresent() ? RunCounts.RESYNCED : RunCounts.SKIPPED_WITHOUT_REPLY);
      part.authors(profiles.authorsOf(part.documents()));
    } else if (fetched.isPresent()) {
      // Deleted in Intercom: a tombstone, unless it was never synced here.
      if (run.synced(List.of(id)).isEmpty()) {
        part.count(RunCounts.FETCHED);
      } else {
        part.deletion(id);
        part.count(RunCounts.FETCHED_DELETED);
      }
    }
    run.commit(part.batch(SyncStream.WEBHOOKS, Checkpoint.START));
  }

  private boolean outsideHistory(Conversation conversation) {
    return ChangeTriggers.outsideHistory(
            new HistoryPosition(conversation.createdAt(), conversation.id()),
            conversation.statistics(),
            run.connection().coverage(),
            UpdatedConversationsWalk.nextWindowStart(run))
        && run.synced(List.of(conversation.id())).isEmpty();
  }

  /**
   * The customer's profile again, or its tombstone when Intercom no longer has the contact; an
   * unreadable one becomes a dead letter, as a conversation does.
   */
  void customer(ContactId id) {
    PendingBatch part = new PendingBatch();
    ItemsAgain.contact(profiles, id, part);
    run.commit(part.batch(SyncStream.WEBHOOKS, Checkpoint.START));
  }
}
