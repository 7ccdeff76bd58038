package com.feedbacksync.domain.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * What a history walk may still take under its plan: the Start plan's limit counts conversations
 * created before the workspace was connected; those created after it are always taken. A walk asks
 * {@link #admits} before it fetches a listing (so the limit costs no retrieve it does not keep),
 * {@link #take}s each conversation it keeps, and stops at the first listing not admitted, or as
 * soon as it is {@link #exhaustedAfter} the last one (sparing the listing of one more page).
 *
 * @param limit how many historic conversations the plan takes ({@link Long#MAX_VALUE}: all)
 * @param connectedAt conversations created at or after it are new, never counted
 * @param taken historic conversations taken so far (the walk's checkpoint keeps it across runs)
 */
public record HistoryQuota(long limit, Instant connectedAt, int taken) {

  public HistoryQuota {
    Objects.requireNonNull(connectedAt, "connectedAt");
    if (limit < 0 || taken < 0) {
      throw new IllegalArgumentException("a quota's limit and count cannot be negative");
    }
  }

  /** A quota without a limit: a paid plan, or the backfill that takes what the limit left out. */
  public static HistoryQuota unlimited(Instant connectedAt, int taken) {
    return new HistoryQuota(Long.MAX_VALUE, connectedAt, taken);
  }

  /** Whether the walk takes this conversation if it qualifies. */
  public boolean admits(HistoryPosition candidate) {
    return isNew(candidate) || taken < limit;
  }

  /** How many more historic conversations the walk may take ({@link Long#MAX_VALUE}: no end). */
  public long roomLeft() {
    return limit == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, limit - taken);
  }

  /** The quota after the walk kept {@code kept}: one historic conversation more, if it was one. */
  public HistoryQuota take(HistoryPosition kept) {
    return isNew(kept) ? this : new HistoryQuota(limit, connectedAt, taken + 1);
  }

  /**
   * Whether a walk newest first can stop after {@code last}: nothing older than it is admitted any
   * more. Conversations newer than the connection may still follow a new one, whatever the count.
   */
  public boolean exhaustedAfter(HistoryPosition last) {
    return taken >= limit && !isNew(last);
  }

  private boolean isNew(HistoryPosition position) {
    return !position.createdAt().isBefore(connectedAt);
  }
}
