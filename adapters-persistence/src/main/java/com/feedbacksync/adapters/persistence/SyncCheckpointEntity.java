package com.feedbacksync.adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** The `sync_checkpoint` row of one account's stream. */
@Entity
@Table(name = "sync_checkpoint")
public class SyncCheckpointEntity {

  /** (account, stream). */
  @Embeddable
  public record Key(
      @Column(name = "account_id") String accountId, @Column(name = "stream") String stream)
      implements Serializable {}

  @EmbeddedId Key key;

  @Column(name = "cursor_value")
  String cursor;

  @Column(name = "watermark")
  Instant watermark;

  @Column(name = "taken", nullable = false)
  int taken;

  @Column(name = "window_end")
  Instant windowEnd;

  @Column(name = "oldest_created_at")
  Instant oldestCreatedAt;

  @Column(name = "oldest_conversation_id")
  String oldestConversationId;

  @Column(name = "done", nullable = false)
  boolean done;

  @Column(name = "handled_created_at")
  Instant handledCreatedAt;

  @Column(name = "handled_conversation_id")
  String handledConversationId;

  /** The workspace the stream walked (empty on rows from before it was kept). */
  @Column(name = "workspace_id")
  String workspaceId;
}
