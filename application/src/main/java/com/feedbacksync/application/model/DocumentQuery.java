package com.feedbacksync.application.model;

import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationState;
import java.util.Objects;
import java.util.Optional;

/**
 * Which documents an admin lists, newest activity first.
 *
 * @param tag a tag name the document carries
 * @param text words of the title or the messages
 * @param customer the author's customer profile
 */
public record DocumentQuery(
    Optional<String> tag,
    Optional<ConversationState> status,
    Optional<String> text,
    Optional<ContactId> customer,
    Optional<SliceCursor> after,
    int limit) {

  public static final int MAX_LIMIT = 100;

  public DocumentQuery {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(after, "after");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    tag = tag.map(String::strip).filter(s -> !s.isEmpty());
    text = text.map(String::strip).filter(s -> !s.isEmpty());
  }

  public static DocumentQuery firstPage(int limit) {
    return new DocumentQuery(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        limit);
  }

  public DocumentQuery after(SliceCursor cursor) {
    return new DocumentQuery(tag, status, text, customer, Optional.of(cursor), limit);
  }
}
