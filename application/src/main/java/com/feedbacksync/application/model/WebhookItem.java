package com.feedbacksync.application.model;

import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import java.util.Objects;

/** What a verified webhook asks to re-sync: one conversation or one customer profile. */
public sealed interface WebhookItem {

  record Conversation(ConversationId id) implements WebhookItem {
    public Conversation {
      Objects.requireNonNull(id, "id");
    }
  }

  record Customer(ContactId id) implements WebhookItem {
    public Customer {
      Objects.requireNonNull(id, "id");
    }
  }
}
