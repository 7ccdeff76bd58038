package com.feedbacksync.application.model;

import com.feedbacksync.domain.intercom.ConversationId;
import java.time.Instant;
import java.util.Objects;

/** A conversation Intercom reports deleted, and when. */
public record DeletedConversation(ConversationId id, Instant deletedAt) {

  public DeletedConversation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(deletedAt, "deletedAt");
  }
}
