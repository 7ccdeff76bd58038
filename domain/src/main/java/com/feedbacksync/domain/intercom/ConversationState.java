package com.feedbacksync.domain.intercom;

import java.util.Locale;

/** A conversation's status in the Intercom inbox. */
public enum ConversationState {
  OPEN,
  CLOSED,
  SNOOZED;

  public static ConversationState fromIntercom(String value) {
    if (value == null) {
      throw new IllegalArgumentException("a conversation has a state");
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "open" -> OPEN;
      case "closed" -> CLOSED;
      case "snoozed" -> SNOOZED;
      default -> throw new IllegalArgumentException("unknown conversation state: " + value);
    };
  }

  /** The lower-case name Intercom and the admin API use. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
