package com.feedbacksync.domain.intercom;

import java.util.List;
import java.util.Objects;

/**
 * The message that started a conversation.
 *
 * @param type the channel it came from (conversation, email, phone_call, ...; an open list)
 * @param body HTML as Intercom sent it; sanitized before it is stored or served
 */
public record Source(
    String type,
    DeliveredAs deliveredAs,
    String subject,
    String body,
    Author author,
    List<Attachment> attachments,
    boolean redacted) {

  public Source {
    Objects.requireNonNull(deliveredAs, "deliveredAs");
    Objects.requireNonNull(author, "author");
    type = type == null || type.isBlank() ? "conversation" : type.strip();
    subject = subject == null ? "" : subject;
    body = body == null ? "" : body;
    attachments = List.copyOf(attachments);
  }

  /** Whether there is anything in it: text, a file, or content that was there before redaction. */
  public boolean hasContent() {
    return redacted || !attachments.isEmpty() || !Html.toText(body).isEmpty();
  }
}
