package com.feedbacksync.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The simulated workspace's records. Mutable; guarded by {@link SimWorkspace}'s lock. */
final class Model {

  private Model() {}

  enum Kind {
    CUSTOMER_INITIATED,
    OUTBOUND_REPLIED,
    OUTBOUND_SILENT
  }

  /**
   * Where a conversation's statistics and its parts disagree on purpose, or its customer reply
   * takes a shape other than a plain comment. The oracle decides from the parts alone.
   */
  enum Dispute {
    NONE,
    /** Answered: the customer's only reply is a file without text; the statistics stay empty. */
    ATTACHMENT_ONLY_REPLY,
    /** Answered: the customer's only reply was redacted later. */
    REDACTED_REPLY,
    /** Answered: the customer's only reply reopened the conversation, as an {@code open} part. */
    REOPENING_REPLY,
    /** Unanswered: the statistics claim a customer reply that no part shows. */
    PHANTOM_STATISTICS,
    /** Unanswered: a customer comment without words or files, counted by the statistics. */
    BLANK_CUSTOMER_COMMENT
  }

  record Admin(String id, String name, String email) {}

  record Team(String id, String name, List<String> adminIds) {}

  record TagDef(String id, String name) {}

  /** A tag as applied: on a conversation with when and by whom, or on a part (tag_basic). */
  record AppliedTag(
      String id, String name, Long appliedAt, String appliedByType, String appliedById) {}

  record FileRef(
      String id, String name, String contentType, int size, Integer width, Integer height) {}

  record Part(
      String id,
      String partType,
      String authorType,
      String authorId,
      String authorName,
      String authorEmail,
      String body,
      long createdAt,
      List<AppliedTag> tags,
      List<FileRef> attachments,
      boolean redacted,
      String state) {

    /**
     * The oracle's reply rule, written for the simulator from the product's promise (not from its
     * code): words or files a customer (user, lead, contact) put in any part but a note.
     */
    boolean isCustomerWords() {
      return isCustomer(authorType)
          && !isNote(partType)
          && (redacted || !attachments.isEmpty() || !Texts.isBlankHtml(body));
    }

    /**
     * What Intercom's statistics count as a contact reply: "the first text conversation part from a
     * contact". A reply that carries only a file has no text and leaves them unchanged.
     */
    boolean isContactTextForStatistics() {
      return isCustomer(authorType) && !isNote(partType) && (redacted || !Texts.isBlankHtml(body));
    }

    static boolean isCustomer(String authorType) {
      return authorType.equals("user") || authorType.equals("lead") || authorType.equals("contact");
    }

    static boolean isNote(String partType) {
      return partType.equals("note") || partType.startsWith("note_");
    }
  }

  static final class Segment {
    final String id;
    final String name;

    Segment(String id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  static final class Company {
    final String id;
    final String companyId;
    String name;
    final String plan;
    final int size;
    final long createdAt;
    long updatedAt;
    final Map<String, Object> customAttributes = new LinkedHashMap<>();

    Company(String id, String companyId, String name, String plan, int size, long createdAt) {
      this.id = id;
      this.companyId = companyId;
      this.name = name;
      this.plan = plan;
      this.size = size;
      this.createdAt = createdAt;
      this.updatedAt = createdAt;
    }
  }

  static final class Contact {
    final String id;
    final String role;
    final String externalId;
    String name;
    String email;
    final long createdAt;
    long updatedAt;
    final String city;
    final String country;
    final Map<String, Object> customAttributes = new LinkedHashMap<>();
    final List<String> companyIds = new ArrayList<>();
    final List<String> segmentIds = new ArrayList<>();
    boolean deleted;

    Contact(
        String id,
        String role,
        String externalId,
        String name,
        String email,
        long createdAt,
        String city,
        String country) {
      this.id = id;
      this.role = role;
      this.externalId = externalId;
      this.name = name;
      this.email = email;
      this.createdAt = createdAt;
      this.updatedAt = createdAt;
      this.city = city;
      this.country = country;
    }
  }

  static final class Conversation {
    final int index;
    final String id;
    final Kind kind;
    final long createdAt;
    long updatedAt;
    final String deliveredAs;
    final String sourceType;
    final String sourceAuthorType;
    final String sourceAuthorId;
    final String contactId;
    final String title;
    final String subject;
    final String sourceBody;
    final List<FileRef> sourceAttachments = new ArrayList<>();
    String state;
    boolean read;
    String priority = "none";
    long adminAssigneeId;
    final List<AppliedTag> tags = new ArrayList<>();
    final Map<String, Object> customAttributes = new LinkedHashMap<>();

    /** Generated parts are derived from the seed on demand; only their count is kept. */
    final int generatedParts;

    final List<Part> addedParts = new ArrayList<>();
    Dispute dispute = Dispute.NONE;
    Long firstContactReplyAt;
    Long lastContactReplyAt;
    Long lastAdminReplyAt;
    long deletedAt;

    Conversation(
        int index,
        String id,
        Kind kind,
        long createdAt,
        String deliveredAs,
        String sourceType,
        String sourceAuthorType,
        String sourceAuthorId,
        String contactId,
        String title,
        String subject,
        String sourceBody,
        int generatedParts) {
      this.index = index;
      this.id = id;
      this.kind = kind;
      this.createdAt = createdAt;
      this.updatedAt = createdAt;
      this.deliveredAs = deliveredAs;
      this.sourceType = sourceType;
      this.sourceAuthorType = sourceAuthorType;
      this.sourceAuthorId = sourceAuthorId;
      this.contactId = contactId;
      this.title = title;
      this.subject = subject;
      this.sourceBody = sourceBody;
      this.generatedParts = generatedParts;
    }

    boolean customerOpened() {
      return sourceAuthorType.equals("user") || sourceAuthorType.equals("lead");
    }

    int partCount() {
      return generatedParts + addedParts.size();
    }

    /**
     * Intercom's reply statistics (first and last customer reply, last admin reply), from the parts
     * as Intercom counts them (text only), then the disagreement this conversation carries.
     */
    void recomputeStatistics(List<Part> all) {
      Long first = customerOpened() ? createdAt : null;
      Long lastContact = first;
      Long lastAdmin = null;
      if (dispute == Dispute.PHANTOM_STATISTICS || dispute == Dispute.BLANK_CUSTOMER_COMMENT) {
        first = createdAt + 60;
        lastContact = first;
      }
      for (Part p : all) {
        if (p.isContactTextForStatistics()) {
          first = first == null ? p.createdAt() : Math.min(first, p.createdAt());
          lastContact = lastContact == null ? p.createdAt() : Math.max(lastContact, p.createdAt());
        } else if (p.partType().equals("comment")
            && (p.authorType().equals("admin") || p.authorType().equals("bot"))) {
          lastAdmin = lastAdmin == null ? p.createdAt() : Math.max(lastAdmin, p.createdAt());
        }
      }
      firstContactReplyAt = first;
      lastContactReplyAt = lastContact;
      lastAdminReplyAt = lastAdmin;
    }
  }
}
