package com.feedbacksync.domain.intercom;

import java.util.Locale;

/**
 * A conversation part's type. Intercom's list is open (comment, note, assignment, close,
 * quick_reply, attribute updates, workflow events, ...), so unknown types are kept as they came,
 * never fatal.
 */
public record PartType(String value) {

  public static final PartType COMMENT = new PartType("comment");
  public static final PartType NOTE = new PartType("note");
  public static final PartType QUICK_REPLY = new PartType("quick_reply");

  public PartType {
    value = value == null || value.isBlank() ? "unknown" : value.strip().toLowerCase(Locale.ROOT);
  }

  /** A reply from a customer or an admin: the conversation's visible text. */
  public boolean isComment() {
    return equals(COMMENT);
  }

  /**
   * An internal note, seen by admins only: {@code note}, and the note types that also change the
   * conversation ({@code note_and_reopen}, ...).
   */
  public boolean isNote() {
    return equals(NOTE) || value.startsWith("note_");
  }

  /**
   * Whether a part of this type can carry a person's words to the conversation: every type but a
   * note. A customer's reply to a closed conversation comes as {@code open}, an admin's closing
   * words as {@code close}; whether a given part does carry words is {@link Part#hasContent()}.
   */
  public boolean isVisibleToTheCustomer() {
    return !isNote();
  }
}
