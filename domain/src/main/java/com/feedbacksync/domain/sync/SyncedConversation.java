package com.feedbacksync.domain.sync;

import com.feedbacksync.domain.intercom.Conversation;
import com.feedbacksync.domain.intercom.ConversationListing;
import com.feedbacksync.domain.intercom.ConversationState;
import com.feedbacksync.domain.intercom.Statistics;
import com.feedbacksync.domain.intercom.Tag;
import com.feedbacksync.domain.intercom.TagId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the last sync stored of a conversation that change detection compares: reply times, the
 * conversation-level tags (what a listing shows), the state, and Intercom's update time, which
 * tells a stale listing from a fresh one.
 */
public record SyncedConversation(
    Instant updatedAt,
    Optional<Instant> lastContactReplyAt,
    Optional<Instant> lastAdminReplyAt,
    Set<TagId> tagIds,
    ConversationState state) {

  public SyncedConversation {
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(lastContactReplyAt, "lastContactReplyAt");
    Objects.requireNonNull(lastAdminReplyAt, "lastAdminReplyAt");
    Objects.requireNonNull(state, "state");
    tagIds = Set.copyOf(tagIds);
  }

  public static SyncedConversation of(Conversation conversation) {
    return new SyncedConversation(
        conversation.updatedAt(),
        conversation.statistics().lastContactReplyAt(),
        conversation.statistics().lastAdminReplyAt(),
        conversation.tags().stream().map(Tag::id).collect(Collectors.toSet()),
        conversation.state());
  }

  public static SyncedConversation of(ConversationListing listing) {
    Statistics statistics = listing.statistics();
    return new SyncedConversation(
        listing.updatedAt(),
        statistics.lastContactReplyAt(),
        statistics.lastAdminReplyAt(),
        listing.tagIds(),
        listing.state());
  }
}
