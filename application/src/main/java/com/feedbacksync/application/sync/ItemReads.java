package com.feedbacksync.application.sync;

import com.feedbacksync.application.port.out.IntercomFailure;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A run's item reads ({@link ItemRead#of}), telling one bad item from Intercom failing as a whole:
 * when {@link #MAX_UNAVAILABLE_IN_A_ROW} reads in a row (as they complete, on any fetcher) found
 * Intercom unavailable, the run fails instead of setting more aside, and the next run (after its
 * backoff) resumes where this one committed. An answer the mapping rejects or a refused request
 * concerns its item alone: it neither counts nor breaks the streak. Safe on the fetchers' threads.
 */
final class ItemReads {

  static final int MAX_UNAVAILABLE_IN_A_ROW = 5;

  private final AtomicInteger unavailableInARow = new AtomicInteger();

  <T> ItemRead<T> of(Supplier<T> read) {
    ItemRead<T> result = ItemRead.of(read);
    if (result instanceof ItemRead.Unreadable<T> failed
        && failed.failure() instanceof IntercomFailure.Unavailable unavailable) {
      int inARow = unavailableInARow.incrementAndGet();
      if (inARow >= MAX_UNAVAILABLE_IN_A_ROW) {
        throw new IntercomFailure.Unavailable(
            inARow
                + " reads in a row failed, the last: "
                + unavailable.getMessage()
                + " The sync stops here and resumes later.",
            unavailable);
      }
    } else if (result instanceof ItemRead.Read<T>) {
      // Only an answer read breaks the streak: a refused or unreadable item between unavailable
      // ones says nothing about Intercom being back.
      unavailableInARow.set(0);
    }
    return result;
  }
}
