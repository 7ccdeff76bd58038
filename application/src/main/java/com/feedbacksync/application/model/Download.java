package com.feedbacksync.application.model;

import java.util.Objects;

/** A file downloaded from Intercom during a sync (its URLs expire, so it is kept, not linked). */
public record Download(String contentType, byte[] bytes) {

  public Download {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(bytes, "bytes");
  }
}
