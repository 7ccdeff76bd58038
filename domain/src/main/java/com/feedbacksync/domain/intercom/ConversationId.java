package com.feedbacksync.domain.intercom;

/** An Intercom conversation's id. A string: conversation ids exceed 32 bits. */
public record ConversationId(String value) {

  public ConversationId {
    Ids.require(value, "a conversation id");
  }

  @Override
  public String toString() {
    return value;
  }
}
