package com.feedbacksync.application.model;

/** What a sync run did, as admins see it per run. */
public record RunCounts(
    long fetched,
    long kept,
    long skippedWithoutReply,
    long resynced,
    long unchanged,
    long deleted,
    long profiles,
    long apiCalls,
    long rateLimitWaits) {

  public static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

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
        rateLimitWaits + o.rateLimitWaits);
  }
}
