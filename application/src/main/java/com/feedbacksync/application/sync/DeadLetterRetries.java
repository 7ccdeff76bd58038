package com.feedbacksync.application.sync;

import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.ConversationFetch;
import com.feedbacksync.application.model.ItemKind;
import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.SetAside;
import com.feedbacksync.application.model.SkippedItem;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import java.util.List;
import java.util.Optional;

/**
 * The hourly run tries its workspace's dead letters again, each when its backoff allows: one read
 * now becomes a document or profile (or a tombstone) and stops being set aside; one still
 * unreadable counts one attempt more. One commit for all, in the run's thread.
 */
final class DeadLetterRetries {

  /** Dead letters looked at per run, the longest waiting first. */
  static final int LOOKED_AT = 1_000;

  /** Dead letters tried per run: a workspace with many costs each hourly run at most this many. */
  static final int TRIED = 100;

  private final SyncRun run;
  private final DocumentImport imports;
  private final ProfileFetches profiles;
  private final DeadLetterBackoff backoff;

  DeadLetterRetries(
      SyncRun run, DocumentImport imports, ProfileFetches profiles, DeadLetterBackoff backoff) {
    this.run = run;
    this.imports = imports;
    this.profiles = profiles;
    this.backoff = backoff;
  }

  void retry() {
    List<SkippedItem> due =
        run.deadLetters(LOOKED_AT).stream()
            // not those this run set aside itself: it just tried them
            .filter(d -> d.lastSeen().isBefore(run.startedAt()))
            .filter(d -> backoff.due(d.attempts(), d.lastSeen(), run.now()))
            .limit(TRIED)
            .toList();
    if (due.isEmpty()) {
      return;
    }
    PendingBatch part = new PendingBatch();
    for (SkippedItem letter : due) {
      if (letter.kind() == ItemKind.CONVERSATION) {
        conversation(new ConversationId(letter.intercomId()), part);
      } else {
        contact(new ContactId(letter.intercomId()), part);
      }
    }
    part.authors(profiles.authorsOf(part.documents()));
    run.commit(part.batch(SyncStream.DEAD_LETTERS, Checkpoint.START));
  }

  private void conversation(ConversationId id, PendingBatch part) {
    Optional<ConversationFetch> fetched = ItemsAgain.conversation(run, id, part);
    if (fetched.isPresent() && fetched.get() instanceof ConversationFetch.Found found) {
      Optional<DocumentImport.Imported> kept = imports.of(found.conversation());
      kept.ifPresentOrElse(part::imported, () -> part.setAside(SetAside.withoutReply(id.value())));
      part.count(kept.isPresent() ? RunCounts.KEPT : RunCounts.SKIPPED_WITHOUT_REPLY);
    } else if (fetched.isPresent()) {
      // Gone from Intercom: a tombstone, which also ends its dead letter.
      part.deletion(id);
      part.count(RunCounts.FETCHED_DELETED);
    }
  }

  private void contact(ContactId id, PendingBatch part) {
    profiles.claim(id);
    ItemsAgain.contact(profiles, id, part);
  }
}
