package com.feedbacksync.domain.intercom;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A file attached to a message. Its URL is temporary (Intercom lets it expire after about 30
 * minutes), so the sync downloads it during the run and never keeps the URL as a link.
 *
 * @param tooLarge the file is larger than the store accepts: it was not copied, and the document
 *     keeps its name, size and Intercom's link to say so
 */
public record Attachment(
    String name, String url, String contentType, OptionalLong sizeBytes, boolean tooLarge) {

  /** A file as Intercom lists it, not (yet) judged too large. */
  public Attachment(String name, String url, String contentType, OptionalLong sizeBytes) {
    this(name, url, contentType, sizeBytes, false);
  }

  public Attachment {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(sizeBytes, "sizeBytes");
    name = name == null || name.isBlank() ? "attachment" : name;
    contentType =
        contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
  }
}
