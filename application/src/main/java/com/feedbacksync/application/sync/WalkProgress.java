package com.feedbacksync.application.sync;

import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.PageCursor;
import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.HistoryPosition;
import com.feedbacksync.domain.sync.HistoryQuota;
import java.time.Instant;
import java.util.Optional;

/**
 * How far a history walk got across its pages: the quota it has taken of, the oldest conversation
 * it kept, and whether the quota admits no more; what its checkpoints and its coverage say.
 */
final class WalkProgress {

  private final Instant began;
  private HistoryQuota quota;
  private Optional<HistoryPosition> oldest;
  private boolean exhausted;

  /**
   * @param began when the walk began (a resumed walk's from its checkpoint): profiles the store
   *     wrote since then are this walk's
   */
  WalkProgress(Instant began, HistoryQuota quota, Optional<HistoryPosition> oldest) {
    this.began = began;
    this.quota = quota;
    this.oldest = oldest;
  }

  Instant began() {
    return began;
  }

  HistoryQuota quota() {
    return quota;
  }

  boolean exhausted() {
    return exhausted;
  }

  /** The quota admits the next conversation no more. */
  void exhaust() {
    exhausted = true;
  }

  /** The conversation at this position was judged: kept (taking its place in the quota) or not. */
  void judged(HistoryPosition position, boolean kept) {
    if (kept) {
      quota = quota.take(position);
      oldest = Optional.of(position);
    }
    exhausted = quota.exhaustedAfter(position);
  }

  /**
   * The checkpoint of a part or a page. A walk that reached the end of history keeps no oldest
   * position: its checkpoint then reads as complete (nothing left to backfill), as the connection
   * says, also when the connection is made again.
   *
   * @param next where the walk goes on: the page in progress, or the next
   * @param handledTo how far into that page it got, if it stopped within one
   */
  Checkpoint checkpoint(
      Optional<PageCursor> next, boolean done, Optional<HistoryPosition> handledTo) {
    return Checkpoint.history(
        next,
        Optional.of(began),
        quota.taken(),
        done && !exhausted ? Optional.empty() : oldest,
        done,
        handledTo);
  }

  /** What the walk covered once it ended: down to its oldest if the quota stopped it, else all. */
  HistoryCoverage coverage() {
    return exhausted
        ? oldest
            .<HistoryCoverage>map(HistoryCoverage.DownTo::new)
            .orElseGet(HistoryCoverage.Complete::new)
        : new HistoryCoverage.Complete();
  }
}
