package com.feedbacksync.application.port.out;

import com.feedbacksync.domain.sync.HistoryPosition;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a stream stands, committed with the data it covers, so a crash resumes after the last
 * committed page and never skips one.
 *
 * @param cursor the next page of a walk in progress; empty when no walk is under way
 * @param watermark updates up to here are synced (windowed streams)
 * @param taken how many history conversations the walk took so far (the Start plan's count)
 * @param windowEnd the end of the window a walk in progress covers
 * @param oldestTaken the oldest conversation a history walk took (where a backfill starts)
 * @param done whether the stream's one-off walk (history, backfill) has finished
 */
public record Checkpoint(
    Optional<PageCursor> cursor,
    Optional<Instant> watermark,
    int taken,
    Optional<Instant> windowEnd,
    Optional<HistoryPosition> oldestTaken,
    boolean done) {

  public static final Checkpoint START =
      new Checkpoint(
          Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty(), false);

  public Checkpoint {
    Objects.requireNonNull(cursor, "cursor");
    Objects.requireNonNull(watermark, "watermark");
    Objects.requireNonNull(windowEnd, "windowEnd");
    Objects.requireNonNull(oldestTaken, "oldestTaken");
  }

  public Checkpoint withCursor(Optional<PageCursor> next) {
    return new Checkpoint(next, watermark, taken, windowEnd, oldestTaken, done);
  }
}
