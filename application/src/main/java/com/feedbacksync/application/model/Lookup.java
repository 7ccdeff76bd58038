package com.feedbacksync.application.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What looking up one synced item finds: the item, its tombstone (Intercom deleted it), or nothing.
 */
public sealed interface Lookup<T> {

  record Found<T>(T item) implements Lookup<T> {
    public Found {
      Objects.requireNonNull(item, "item");
    }
  }

  /** Intercom deleted it; the service keeps the fact, not the content. */
  record Deleted<T>(Instant deletedAt) implements Lookup<T> {
    public Deleted {
      Objects.requireNonNull(deletedAt, "deletedAt");
    }
  }

  record Missing<T>() implements Lookup<T> {}
}
