package com.feedbacksync.domain.document;

/** What a message of a feedback document is. */
public enum MessageKind {
  /** The message that started the conversation (the customer's, or the company's outbound). */
  OPENING,
  /** A reply, from a customer or from the company. */
  REPLY,
  /** An internal note: shown only when the account chose to include notes. */
  INTERNAL_NOTE
}
