package com.feedbacksync.application.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * How a history walk cuts a page into committed parts. Each part is committed with how far into the
 * page the walk got, so a crash re-fetches only the part in progress and the few conversations
 * fetched ahead of it; each commit costs a transaction (a log flush), so parts are not cut more
 * often than {@code every}. Where Intercom answers quickly a part grows, up to {@code maxRows}.
 *
 * @param minRows rows (documents and profiles) a part holds at least, unless the page ends
 * @param maxRows rows after which a part is committed however recent the last commit
 * @param every the least time between two parts' commits
 */
public record HistoryParts(int minRows, int maxRows, Duration every) {

  /**
   * At most about forty commits a second: a crash costs the fetching of the last 25 ms and the
   * conversations fetched ahead.
   */
  public static final HistoryParts DEFAULT = new HistoryParts(8, 256, Duration.ofMillis(25));

  public HistoryParts {
    Objects.requireNonNull(every, "every");
    if (minRows < 1 || maxRows < minRows || every.isNegative()) {
      throw new IllegalArgumentException(
          "parts need 1 <= minRows <= maxRows and a non-negative interval");
    }
  }

  /** Whether a part of this many rows, the last committed {@code since} ago, is committed now. */
  public boolean due(int rows, Duration since) {
    return rows >= maxRows || rows >= minRows && since.compareTo(every) >= 0;
  }
}
