package com.feedbacksync.application.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing the admin API reads, and where the next one starts.
 *
 * @param next empty on the last page
 */
public record Slice<T>(List<T> items, Optional<SliceCursor> next) {

  public Slice {
    items = List.copyOf(items);
    Objects.requireNonNull(next, "next");
  }
}
