package com.feedbacksync.domain.intercom;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A conversation as a search or list page shows it, without its parts: enough to decide whether it
 * must be fetched, before paying for the fetch.
 *
 * @param tagIds the conversation-level tags (listings never carry part tags)
 * @param adminAssigneeId who it is assigned to; shown, never a reason to re-fetch
 * @param priority Intercom's priority (2.16: none..urgent; older: priority/not_priority); shown
 *     only
 * @param contactIds the conversation's contacts (its customers), so that their profiles can be
 *     looked up together before the conversations are fetched
 */
public record ConversationListing(
    ConversationId id,
    Instant createdAt,
    Instant updatedAt,
    ConversationState state,
    Set<TagId> tagIds,
    Statistics statistics,
    DeliveredAs deliveredAs,
    AuthorType sourceAuthorType,
    Optional<String> adminAssigneeId,
    boolean read,
    String priority,
    List<ContactId> contactIds) {

  /** A listing that names no contacts. */
  public ConversationListing(
      ConversationId id,
      Instant createdAt,
      Instant updatedAt,
      ConversationState state,
      Set<TagId> tagIds,
      Statistics statistics,
      DeliveredAs deliveredAs,
      AuthorType sourceAuthorType,
      Optional<String> adminAssigneeId,
      boolean read,
      String priority) {
    this(
        id,
        createdAt,
        updatedAt,
        state,
        tagIds,
        statistics,
        deliveredAs,
        sourceAuthorType,
        adminAssigneeId,
        read,
        priority,
        List.of());
  }

  public ConversationListing {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(statistics, "statistics");
    Objects.requireNonNull(deliveredAs, "deliveredAs");
    Objects.requireNonNull(sourceAuthorType, "sourceAuthorType");
    Objects.requireNonNull(adminAssigneeId, "adminAssigneeId");
    tagIds = Set.copyOf(tagIds);
    priority = priority == null ? "" : priority;
    contactIds = List.copyOf(contactIds);
  }
}
