package com.feedbacksync.domain.document;

import com.feedbacksync.domain.intercom.AttributeValue;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.ConversationState;
import com.feedbacksync.domain.intercom.DeliveredAs;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.FlatTag;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An Intercom conversation as a feedback document: its messages, and everything Document Info shows
 * (source type, delivery, conversation id, status, tags, attributes, original URL, workspace,
 * times).
 *
 * @param attributes the conversation's custom attributes (the workspace's own), under their names
 * @param customer the customer profile the document links to (its author)
 * @param originalUrl the conversation in the Intercom inbox
 * @param intercomAttributes Intercom's own attributes of the conversation, under stable dotted
 *     names (see {@link com.feedbacksync.domain.intercom.Conversation#intercomAttributes()})
 * @param parts how many parts Intercom says the conversation has against how many it returned
 */
public record FeedbackDocument(
    WorkspaceId workspace,
    ConversationId conversationId,
    String title,
    List<DocumentMessage> messages,
    ConversationState status,
    List<FlatTag> tags,
    Map<String, AttributeValue> attributes,
    String originalUrl,
    String sourceType,
    DeliveredAs deliveredAs,
    Optional<ContactId> customer,
    Instant createdAt,
    Instant updatedAt,
    Instant syncedAt,
    Map<String, AttributeValue> intercomAttributes,
    PartsCount parts) {

  /**
   * A document stored before Intercom's own attributes and part counts were kept: none of the
   * first, and its messages taken as the whole conversation.
   */
  public FeedbackDocument(
      WorkspaceId workspace,
      ConversationId conversationId,
      String title,
      List<DocumentMessage> messages,
      ConversationState status,
      List<FlatTag> tags,
      Map<String, AttributeValue> attributes,
      String originalUrl,
      String sourceType,
      DeliveredAs deliveredAs,
      Optional<ContactId> customer,
      Instant createdAt,
      Instant updatedAt,
      Instant syncedAt) {
    this(
        workspace,
        conversationId,
        title,
        messages,
        status,
        tags,
        attributes,
        originalUrl,
        sourceType,
        deliveredAs,
        customer,
        createdAt,
        updatedAt,
        syncedAt,
        Map.of(),
        PartsCount.whole(messages.size()));
  }

  public FeedbackDocument {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(originalUrl, "originalUrl");
    Objects.requireNonNull(sourceType, "sourceType");
    Objects.requireNonNull(deliveredAs, "deliveredAs");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(syncedAt, "syncedAt");
    messages = List.copyOf(messages);
    tags = List.copyOf(tags);
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    intercomAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(intercomAttributes));
    Objects.requireNonNull(parts, "parts");
  }

  /** The same document with other messages (its files relinked to stored copies). */
  public FeedbackDocument withMessages(List<DocumentMessage> newMessages) {
    return new FeedbackDocument(
        workspace,
        conversationId,
        title,
        newMessages,
        status,
        tags,
        attributes,
        originalUrl,
        sourceType,
        deliveredAs,
        customer,
        createdAt,
        updatedAt,
        syncedAt,
        intercomAttributes,
        parts);
  }
}
