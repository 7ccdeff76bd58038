package com.feedbacksync.application.sync;

import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.DeletedConversation;
import com.feedbacksync.application.model.Page;
import com.feedbacksync.application.model.PageCursor;
import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.domain.intercom.ConversationId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Deletions Intercom reports ({@code GET /conversations/deleted}): the synced ones become
 * tombstones, never silently dropped. The list only grows, so the walk keeps the cursor of its last
 * full page and reads on from there next time.
 */
final class DeletionsWalk {

  private final SyncRun run;

  DeletionsWalk(SyncRun run) {
    this.run = run;
  }

  void walk() {
    Checkpoint cp = run.checkpoint(SyncStream.DELETIONS);
    Optional<PageCursor> cursor = cp.cursor();
    while (true) {
      Page<DeletedConversation> page = run.workspace().deletedConversations(cursor);
      List<ConversationId> ids = page.items().stream().map(DeletedConversation::id).toList();
      Set<ConversationId> known = run.synced(ids).keySet();
      PendingBatch part = new PendingBatch();
      ids.stream().filter(known::contains).forEach(part::deletion);
      part.count(RunCounts.deleted(ids.stream().filter(known::contains).count()));
      Optional<PageCursor> next = page.isLast() ? cursor : page.next();
      run.commit(part.batch(SyncStream.DELETIONS, cp.withCursor(next)));
      if (page.isLast()) {
        return;
      }
      cursor = next;
    }
  }
}
