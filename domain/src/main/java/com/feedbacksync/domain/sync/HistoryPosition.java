package com.feedbacksync.domain.sync;

import com.feedbacksync.domain.intercom.ConversationId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A conversation's place in history, newest first: by creation time, ties broken by id, so that a
 * limit of 5,000 and the backfill after an upgrade split history exactly, with no gap and no
 * overlap.
 */
public record HistoryPosition(Instant createdAt, ConversationId id)
    implements Comparable<HistoryPosition> {

  /** Numeric ids compare as numbers (shorter is smaller), others lexicographically. */
  private static final Comparator<ConversationId> ID_ORDER =
      Comparator.comparingInt((ConversationId id) -> id.value().length())
          .thenComparing(ConversationId::value);

  private static final Comparator<HistoryPosition> NEWEST_FIRST =
      Comparator.comparing(HistoryPosition::createdAt)
          .thenComparing(HistoryPosition::id, ID_ORDER)
          .reversed();

  public HistoryPosition {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(id, "id");
  }

  /** Newest first: a negative result means this one is newer. */
  @Override
  public int compareTo(HistoryPosition other) {
    return NEWEST_FIRST.compare(this, other);
  }

  public boolean isOlderThan(HistoryPosition other) {
    return compareTo(other) > 0;
  }
}
