package com.feedbacksync.domain.intercom;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A file attached to a message. Its URL is temporary (Intercom lets it expire after about 30
 * minutes), so the sync downloads it during the run and never keeps the URL as a link.
 */
public record Attachment(String name, String url, String contentType, OptionalLong sizeBytes) {

  public Attachment {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(sizeBytes, "sizeBytes");
    name = name == null || name.isBlank() ? "attachment" : name;
    contentType =
        contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
  }
}
