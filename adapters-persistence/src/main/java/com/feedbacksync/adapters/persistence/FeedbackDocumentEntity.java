package com.feedbacksync.adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** The `feedback_document` row: one Intercom conversation, or its tombstone. */
@Entity
@Table(name = "feedback_document")
@SqlResultSetMapping(
    name = FeedbackDocumentEntity.SUMMARY,
    columns = {
      @ColumnResult(name = "conversation_id"),
      @ColumnResult(name = "title"),
      @ColumnResult(name = "status"),
      @ColumnResult(name = "tags_json"),
      @ColumnResult(name = "customer_contact_id"),
      // Typed, so a native read converts times and flags as reads of the entity do.
      @ColumnResult(name = "created_at", type = Instant.class),
      @ColumnResult(name = "updated_at", type = Instant.class),
      @ColumnResult(name = "truncated_by_intercom", type = Boolean.class)
    })
@SqlResultSetMapping(
    name = FeedbackDocumentEntity.SYNCED,
    columns = {
      @ColumnResult(name = "conversation_id"),
      @ColumnResult(name = "updated_at", type = Instant.class),
      @ColumnResult(name = "last_contact_reply_at", type = Instant.class),
      @ColumnResult(name = "last_admin_reply_at", type = Instant.class),
      @ColumnResult(name = "conversation_tag_ids"),
      @ColumnResult(name = "status")
    })
public class FeedbackDocumentEntity {

  /** A list's row: the columns of a document summary, in this order. */
  static final String SUMMARY = "FeedbackDocumentSummary";

  /** What a sync compares with Intercom's copy, in this order; never the messages. */
  static final String SYNCED = "FeedbackDocumentSynced";

  /** The natural key: (account, workspace, conversation). */
  @Embeddable
  public record Key(
      @Column(name = "account_id") String accountId,
      @Column(name = "workspace_id") String workspaceId,
      @Column(name = "conversation_id") String conversationId)
      implements Serializable {}

  @EmbeddedId Key key;

  @Column(name = "title", nullable = false)
  String title;

  @Column(name = "status", nullable = false)
  String status;

  @Column(name = "source_type", nullable = false)
  String sourceType;

  @Column(name = "delivered_as", nullable = false)
  String deliveredAs;

  @Column(name = "original_url", nullable = false)
  String originalUrl;

  @Column(name = "customer_contact_id")
  String customerContactId;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @Column(name = "synced_at", nullable = false)
  Instant syncedAt;

  @Column(name = "deleted_at")
  Instant deletedAt;

  @Column(name = "messages_json", nullable = false)
  String messagesJson;

  /** The messages' plain text, for full-text search. */
  @Column(name = "body_text", nullable = false)
  String bodyText;

  @Column(name = "tags_json", nullable = false)
  String tagsJson;

  @Column(name = "attributes_json", nullable = false)
  String attributesJson;

  /** Intercom's own attributes of the conversation, typed JSON under stable names. */
  @Column(name = "intercom_attributes_json", nullable = false)
  String intercomAttributesJson;

  /** How many parts Intercom says the conversation has; NULL in rows written before V16. */
  @Column(name = "parts_reported")
  Integer partsReported;

  /** How many parts Intercom returned (at most 500); NULL in rows written before V16. */
  @Column(name = "parts_received")
  Integer partsReceived;

  @Column(name = "truncated_by_intercom", nullable = false)
  boolean truncatedByIntercom;

  @Column(name = "last_contact_reply_at")
  Instant lastContactReplyAt;

  @Column(name = "last_admin_reply_at")
  Instant lastAdminReplyAt;

  @Column(name = "conversation_tag_ids", nullable = false)
  String conversationTagIds;
}
