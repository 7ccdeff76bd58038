package com.feedbacksync.application.model;

import java.util.Objects;

/**
 * A file downloaded from Intercom during a sync (its URLs expire, so it is kept, not linked); its
 * bytes wait outside the heap until the commit that stores them, which then discards them.
 */
public record Download(String contentType, FileContent content) {

  public Download {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(content, "content");
  }
}
