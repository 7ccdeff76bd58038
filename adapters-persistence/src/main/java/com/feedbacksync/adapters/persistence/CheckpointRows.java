package com.feedbacksync.adapters.persistence;

import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.PageCursor;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.sync.HistoryPosition;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;

/** A stream's checkpoint as a {@code sync_checkpoint} row: read, and written with its batch. */
final class CheckpointRows {

  private CheckpointRows() {}

  static Checkpoint read(EntityManager em, AccountId account, SyncStream stream) {
    SyncCheckpointEntity e =
        em.find(
            SyncCheckpointEntity.class,
            new SyncCheckpointEntity.Key(account.value(), stream.name()));
    if (e == null) {
      return Checkpoint.START;
    }
    return new Checkpoint(
        Optional.ofNullable(e.cursor).map(PageCursor::new),
        Optional.ofNullable(e.watermark),
        e.taken,
        Optional.ofNullable(e.windowEnd),
        position(e.oldestCreatedAt, e.oldestConversationId),
        e.done,
        position(e.handledCreatedAt, e.handledConversationId));
  }

  /** Saves the checkpoint; a workspace's run marks it its workspace's, to be cleared with it. */
  static void save(
      EntityManager em,
      AccountId account,
      SyncStream stream,
      Checkpoint cp,
      Optional<String> workspace) {
    SyncCheckpointEntity.Key key = new SyncCheckpointEntity.Key(account.value(), stream.name());
    SyncCheckpointEntity e = em.find(SyncCheckpointEntity.class, key);
    boolean fresh = e == null;
    if (fresh) {
      e = new SyncCheckpointEntity();
      e.key = key;
    }
    e.cursor = cp.cursor().map(PageCursor::value).orElse(null);
    e.watermark = cp.watermark().orElse(null);
    e.taken = cp.taken();
    e.windowEnd = cp.windowEnd().orElse(null);
    e.oldestCreatedAt = cp.oldestTaken().map(HistoryPosition::createdAt).orElse(null);
    e.oldestConversationId = cp.oldestTaken().map(p -> p.id().value()).orElse(null);
    e.done = cp.done();
    e.handledCreatedAt = cp.handledTo().map(HistoryPosition::createdAt).orElse(null);
    e.handledConversationId = cp.handledTo().map(p -> p.id().value()).orElse(null);
    if (workspace.isPresent()) {
      e.workspaceId = workspace.get();
    }
    if (fresh) {
      em.persist(e);
    }
  }

  private static Optional<HistoryPosition> position(Instant createdAt, String conversationId) {
    return createdAt == null
        ? Optional.empty()
        : Optional.of(new HistoryPosition(createdAt, new ConversationId(conversationId)));
  }
}
