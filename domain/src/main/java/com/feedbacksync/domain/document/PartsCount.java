package com.feedbacksync.domain.document;

/**
 * How complete a document's conversation is: how many parts Intercom says the conversation has
 * against how many it returned. Intercom returns at most the 500 most recent parts, so a longer
 * conversation lacks its oldest messages; researchers quoting it need to know.
 *
 * @param reported how many parts Intercom says the conversation has (the larger of the part list's
 *     {@code total_count} and {@code statistics.count_conversation_parts})
 * @param received how many parts Intercom returned, and the document was made from
 */
public record PartsCount(int reported, int received) {

  public PartsCount {
    if (received < 0 || reported < 0) {
      throw new IllegalArgumentException("part counts cannot be negative");
    }
  }

  /** A document whose conversation Intercom returned whole (or that predates the count). */
  public static PartsCount whole(int parts) {
    return new PartsCount(parts, parts);
  }

  /** Whether Intercom left out older parts of the conversation. */
  public boolean truncatedByIntercom() {
    return reported > received;
  }
}
