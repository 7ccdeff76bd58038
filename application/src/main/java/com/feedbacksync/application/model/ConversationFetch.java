package com.feedbacksync.application.model;

import com.feedbacksync.domain.intercom.Conversation;
import com.feedbacksync.domain.intercom.ConversationId;
import java.util.Objects;

/** What fetching one conversation found. */
public sealed interface ConversationFetch {

  record Found(Conversation conversation) implements ConversationFetch {
    public Found {
      Objects.requireNonNull(conversation, "conversation");
    }
  }

  /** Intercom answered 404: the conversation was deleted. */
  record Deleted(ConversationId id) implements ConversationFetch {
    public Deleted {
      Objects.requireNonNull(id, "id");
    }
  }
}
