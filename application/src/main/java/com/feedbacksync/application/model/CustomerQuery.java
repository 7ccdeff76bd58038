package com.feedbacksync.application.model;

import java.util.Objects;
import java.util.Optional;

/** Which customer profiles an admin lists, most recently updated first. */
public record CustomerQuery(
    Optional<String> email, Optional<String> segment, Optional<SliceCursor> after, int limit) {

  public CustomerQuery {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(after, "after");
    if (limit < 1 || limit > DocumentQuery.MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + DocumentQuery.MAX_LIMIT);
    }
    email = email.map(String::strip).filter(s -> !s.isEmpty());
    segment = segment.map(String::strip).filter(s -> !s.isEmpty());
  }

  public static CustomerQuery firstPage(int limit) {
    return new CustomerQuery(Optional.empty(), Optional.empty(), Optional.empty(), limit);
  }

  public CustomerQuery after(SliceCursor cursor) {
    return new CustomerQuery(email, segment, Optional.of(cursor), limit);
  }
}
