package com.feedbacksync.application.model;

import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.HistoryPosition;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a stream stands, committed with the data it covers, so a crash resumes after the last
 * committed part of a page and never skips one.
 *
 * @param cursor the page a walk in progress reads next (or reads on, when {@code handledTo} says
 *     how far it got in it); empty when no walk is under way
 * @param watermark updates up to here are synced (windowed streams); for a history walk (history,
 *     backfill): when it began, the profiles stored since then being its own
 * @param taken how many history conversations the walk took so far (the Start plan's count)
 * @param windowEnd the end of the window a walk in progress covers
 * @param oldestTaken the oldest conversation a history walk took (where a backfill starts)
 * @param done whether the stream's one-off walk (history, backfill) has finished
 * @param handledTo how far a history walk got in the page at {@code cursor}: its listings down to
 *     this one are handled (kept or judged without a reply); empty at a page's start
 */
public record Checkpoint(
    Optional<PageCursor> cursor,
    Optional<Instant> watermark,
    int taken,
    Optional<Instant> windowEnd,
    Optional<HistoryPosition> oldestTaken,
    boolean done,
    Optional<HistoryPosition> handledTo) {

  public static final Checkpoint START =
      new Checkpoint(
          Optional.empty(),
          Optional.empty(),
          0,
          Optional.empty(),
          Optional.empty(),
          false,
          Optional.empty());

  public Checkpoint {
    Objects.requireNonNull(cursor, "cursor");
    Objects.requireNonNull(watermark, "watermark");
    Objects.requireNonNull(windowEnd, "windowEnd");
    Objects.requireNonNull(oldestTaken, "oldestTaken");
    Objects.requireNonNull(handledTo, "handledTo");
  }

  /** A windowed stream's position: no history fields. */
  public static Checkpoint windowed(
      Optional<PageCursor> cursor, Optional<Instant> watermark, Optional<Instant> windowEnd) {
    return new Checkpoint(
        cursor, watermark, 0, windowEnd, Optional.empty(), false, Optional.empty());
  }

  /** A history walk's position, and when the walk began (in the watermark): no window. */
  public static Checkpoint history(
      Optional<PageCursor> cursor,
      Optional<Instant> began,
      int taken,
      Optional<HistoryPosition> oldestTaken,
      boolean done,
      Optional<HistoryPosition> handledTo) {
    return new Checkpoint(cursor, began, taken, Optional.empty(), oldestTaken, done, handledTo);
  }

  /**
   * How much history the checkpoints of the history walk and the backfill say was taken: the one
   * source of coverage when a connection is made again, so it never disagrees with them. A finished
   * history walk that its plan stopped keeps its oldest position (taken down to there); one that
   * reached the end of history keeps none (complete).
   */
  public static HistoryCoverage coverage(Checkpoint history, Checkpoint backfill) {
    if (backfill.done()) {
      return new HistoryCoverage.Complete();
    }
    if (!history.done()) {
      return new HistoryCoverage.NotYet();
    }
    return history
        .oldestTaken()
        .<HistoryCoverage>map(HistoryCoverage.DownTo::new)
        .orElseGet(HistoryCoverage.Complete::new);
  }

  public Checkpoint withCursor(Optional<PageCursor> next) {
    return new Checkpoint(next, watermark, taken, windowEnd, oldestTaken, done, handledTo);
  }
}
