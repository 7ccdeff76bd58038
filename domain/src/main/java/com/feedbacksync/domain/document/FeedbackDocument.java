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
 * @param customer the customer profile the document links to (its author)
 * @param originalUrl the conversation in the Intercom inbox
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
    Instant syncedAt) {

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
  }
}
