package com.feedbacksync.application.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One page of a listing, with the cursor of the next one (empty on the last page), so a sync can
 * checkpoint between pages.
 *
 * <p>An item of the page that could not be read does not fail the page (the next run would list it
 * again, and fail again, forever): one whose id could still be read is set aside under that id, to
 * be retried on its own; one without a usable id is only counted.
 *
 * @param total how many items the whole listing holds, as Intercom counts them, when it says
 * @param unreadable the page's items that could not be read, under their ids
 * @param unidentified the page's items that could not be read and have no usable id
 */
public record Page<T>(
    List<T> items,
    Optional<PageCursor> next,
    Optional<Integer> total,
    List<SetAside> unreadable,
    int unidentified) {

  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(total, "total");
    unreadable = List.copyOf(unreadable);
    if (unidentified < 0) {
      throw new IllegalArgumentException("unidentified must not be negative");
    }
  }

  /** A page whose every item was read. */
  public Page(List<T> items, Optional<PageCursor> next, Optional<Integer> total) {
    this(items, next, total, List.of(), 0);
  }

  public boolean isLast() {
    return next.isEmpty();
  }

  /**
   * The same page with only the items that pass; its cursor, total and unread items stay the
   * listing's.
   */
  public Page<T> keeping(Predicate<? super T> test) {
    return new Page<>(items.stream().filter(test).toList(), next, total, unreadable, unidentified);
  }
}
