package com.feedbacksync.domain.intercom;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation as {@code GET /conversations/{id}} returns it.
 *
 * @param title the conversation's title; empty when it has none
 * @param parts the parts Intercom returned, oldest first: at most the 500 most recent
 * @param partsTotalCount how many parts the conversation has; more than {@code parts} when cut off
 * @param firstContactReplyAt when a customer first wrote ({@code first_contact_reply.created_at},
 *     else {@code statistics.first_contact_reply_at})
 * @param customAttributes conversation data attributes, in Intercom's order
 * @param intercomAttributes Intercom's own attributes of the conversation (priority, assignee and
 *     team ids, rating, channel, source url and subject, statistics, AI agent, ...) under stable
 *     dotted names ({@code conversation_rating.rating}, {@code statistics.count_reopens}); times as
 *     ISO-8601 text, ids as text, counts and durations (seconds) as numbers; absent when Intercom
 *     leaves them out or empty
 */
public record Conversation(
    ConversationId id,
    String title,
    Instant createdAt,
    Instant updatedAt,
    ConversationState state,
    Source source,
    List<Part> parts,
    int partsTotalCount,
    List<Tag> tags,
    Map<String, AttributeValue> customAttributes,
    Statistics statistics,
    Optional<Instant> firstContactReplyAt,
    List<ContactId> contacts,
    Map<String, AttributeValue> intercomAttributes) {

  /** A conversation without Intercom's own attributes (tests, older callers). */
  public Conversation(
      ConversationId id,
      String title,
      Instant createdAt,
      Instant updatedAt,
      ConversationState state,
      Source source,
      List<Part> parts,
      int partsTotalCount,
      List<Tag> tags,
      Map<String, AttributeValue> customAttributes,
      Statistics statistics,
      Optional<Instant> firstContactReplyAt,
      List<ContactId> contacts) {
    this(
        id,
        title,
        createdAt,
        updatedAt,
        state,
        source,
        parts,
        partsTotalCount,
        tags,
        customAttributes,
        statistics,
        firstContactReplyAt,
        contacts,
        Map.of());
  }

  public Conversation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(statistics, "statistics");
    Objects.requireNonNull(firstContactReplyAt, "firstContactReplyAt");
    title = title == null ? "" : title.strip();
    parts = List.copyOf(parts);
    partsTotalCount = Math.max(partsTotalCount, parts.size());
    tags = List.copyOf(tags);
    customAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(customAttributes));
    contacts = List.copyOf(contacts);
    intercomAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(intercomAttributes));
  }

  /** Whether Intercom left out older parts (it returns the 500 most recent only). */
  public boolean isPartsTruncated() {
    return partsTotalCount > parts.size();
  }

  /** When a customer first wrote, from either of the two places Intercom records it. */
  public Optional<Instant> anyFirstContactReply() {
    return firstContactReplyAt.or(statistics::firstContactReplyAt);
  }
}
