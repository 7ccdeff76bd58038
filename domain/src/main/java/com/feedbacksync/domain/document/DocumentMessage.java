package com.feedbacksync.domain.document;

import com.feedbacksync.domain.intercom.Attachment;
import com.feedbacksync.domain.intercom.Author;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message of a feedback document, in conversation order.
 *
 * @param id {@code source} for the opening message, else the Intercom part id
 * @param html the body as Intercom sent it; sanitized before it is stored or served
 */
public record DocumentMessage(
    String id,
    MessageKind kind,
    Author author,
    Instant createdAt,
    String html,
    List<Attachment> attachments,
    boolean redacted) {

  public static final String OPENING_ID = "source";

  public DocumentMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(createdAt, "createdAt");
    html = html == null ? "" : html;
    attachments = List.copyOf(attachments);
  }
}
