package com.feedbacksync.domain.intercom;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One conversation part: a reply, a note, or an event such as an assignment or a status change. */
public record Part(
    PartId id,
    PartType type,
    String body,
    Instant createdAt,
    Author author,
    List<Attachment> attachments,
    List<Tag> tags,
    boolean redacted) {

  public Part {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(author, "author");
    body = body == null ? "" : body;
    attachments = List.copyOf(attachments);
    tags = List.copyOf(tags);
  }

  /**
   * Whether there is anything in it: text, a file, or content that was there before redaction (a
   * redacted reply was still written by its author).
   */
  public boolean hasContent() {
    return redacted || !attachments.isEmpty() || !Html.toText(body).isEmpty();
  }
}
