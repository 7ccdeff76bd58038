package com.feedbacksync.application.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One page of a listing, with the cursor of the next one (empty on the last page), so a sync can
 * checkpoint between pages.
 *
 * @param total how many items the whole listing holds, as Intercom counts them, when it says
 */
public record Page<T>(List<T> items, Optional<PageCursor> next, Optional<Integer> total) {

  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(total, "total");
  }

  public boolean isLast() {
    return next.isEmpty();
  }

  /** The same page with only the items that pass; its cursor and total stay the listing's. */
  public Page<T> keeping(Predicate<? super T> test) {
    return new Page<>(items.stream().filter(test).toList(), next, total);
  }
}
