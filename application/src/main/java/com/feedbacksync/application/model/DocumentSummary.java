package com.feedbacksync.application.model;

import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.ConversationState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A document as the list shows it: enough to pick one, not its messages.
 *
 * @param truncatedByIntercom whether Intercom returned the conversation cut short (its 500 most
 *     recent parts only), so the document lacks its oldest messages
 */
public record DocumentSummary(
    ConversationId id,
    String title,
    ConversationState status,
    List<String> tags,
    Optional<ContactId> customer,
    Instant createdAt,
    Instant updatedAt,
    boolean truncatedByIntercom) {

  /** A document Intercom returned whole. */
  public DocumentSummary(
      ConversationId id,
      String title,
      ConversationState status,
      List<String> tags,
      Optional<ContactId> customer,
      Instant createdAt,
      Instant updatedAt) {
    this(id, title, status, tags, customer, createdAt, updatedAt, false);
  }

  public DocumentSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(status, "status");
    tags = List.copyOf(tags);
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
