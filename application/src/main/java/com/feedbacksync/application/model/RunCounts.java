package com.feedbacksync.application.model;

/**
 * What a sync run did, as admins see it per run.
 *
 * @param truncatedByIntercom documents stored whose conversation Intercom returned cut short (its
 *     500 most recent parts only)
 */
public record RunCounts(
    long fetched,
    long kept,
    long skippedWithoutReply,
    long resynced,
    long unchanged,
    long deleted,
    long profiles,
    long apiCalls,
    long rateLimitWaits,
    long unreadable,
    long truncatedByIntercom) {

  /** Counts without truncated documents, as runs before they were counted. */
  public RunCounts(
      long fetched,
      long kept,
      long skippedWithoutReply,
      long resynced,
      long unchanged,
      long deleted,
      long profiles,
      long apiCalls,
      long rateLimitWaits,
      long unreadable) {
    this(
        fetched,
        kept,
        skippedWithoutReply,
        resynced,
        unchanged,
        deleted,
        profiles,
        apiCalls,
        rateLimitWaits,
        unreadable,
        0);
  }

  /** Counts without unreadable items, as runs before dead letters were counted. */
  public RunCounts(
      long fetched,
      long kept,
      long skippedWithoutReply,
      long resynced,
      long unchanged,
      long deleted,
      long profiles,
      long apiCalls,
      long rateLimitWaits) {
    this(
        fetched,
        kept,
        skippedWithoutReply,
        resynced,
        unchanged,
        deleted,
        profiles,
        apiCalls,
        rateLimitWaits,
        0);
  }

  public static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** A conversation fetched, and nothing stored for it. */
  public static final RunCounts FETCHED = new RunCounts(1, 0, 0, 0, 0, 0, 0, 0, 0);

  /** A conversation fetched and kept as a new document. */
  public static final RunCounts KEPT = new RunCounts(1, 1, 0, 0, 0, 0, 0, 0, 0);

  /** A conversation fetched and left out: no customer replied in it. */
  public static final RunCounts SKIPPED_WITHOUT_REPLY = new RunCounts(1, 0, 1, 0, 0, 0, 0, 0, 0);

  /** A conversation fetched again because it changed, and stored anew. */
  public static final RunCounts RESYNCED = new RunCounts(1, 0, 0, 1, 0, 0, 0, 0, 0);

  /** A conversation fetched that Intercom had deleted meanwhile: a tombstone. */
  public static final RunCounts FETCHED_DELETED = new RunCounts(1, 0, 0, 0, 0, 1, 0, 0, 0);

  /**
   * A conversation or contact that could not be read after its retries: set aside as a dead letter,
   * retried by later runs.
   */
  public static final RunCounts UNREADABLE = new RunCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 1);

  /** A document stored whose conversation Intercom cut short (500 most recent parts). */
  public static final RunCounts TRUNCATED_BY_INTERCOM =
      new RunCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);

  /**
   * Listings that showed no change worth a fetch: nothing that matters changed, an old conversation
   * outside the Start plan's limit without a new reply, or a backfill listing already stored.
   */
  public static RunCounts unchanged(long listings) {
    return new RunCounts(0, 0, 0, 0, listings, 0, 0, 0, 0);
  }

  /** Conversations tombstoned without a fetch (Intercom's list of deletions). */
  public static RunCounts deleted(long conversations) {
    return new RunCounts(0, 0, 0, 0, 0, conversations, 0, 0, 0);
  }

  /** Customer profiles stored. */
  public static RunCounts profiles(long stored) {
    return new RunCounts(0, 0, 0, 0, 0, 0, stored, 0, 0);
  }

  /** Intercom calls made and rate-limit waits. */
  public static RunCounts calls(long apiCalls, long rateLimitWaits) {
    return new RunCounts(0, 0, 0, 0, 0, 0, 0, apiCalls, rateLimitWaits);
  }

  public RunCounts plus(RunCounts o) {
    return new RunCounts(
        fetched + o.fetched,
        kept + o.kept,
        skippedWithoutReply + o.skippedWithoutReply,
        resynced + o.resynced,
        unchanged + o.unchanged,
        deleted + o.deleted,
        profiles + o.profiles,
        apiCalls + o.apiCalls,
        rateLimitWaits + o.rateLimitWaits,
        unreadable + o.unreadable,
        truncatedByIntercom + o.truncatedByIntercom);
  }
}
