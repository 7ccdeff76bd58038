package com.feedbacksync.application.model;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The accounts counted by their connection's state (every state present, 0 when none is in it), how
 * many connected ones lag, and when the count was taken.
 */
public record ConnectionCounts(Map<ConnectionState, Long> byState, long lagging, Instant takenAt) {

  public ConnectionCounts {
    Objects.requireNonNull(takenAt, "takenAt");
    Map<ConnectionState, Long> all = new EnumMap<>(ConnectionState.class);
    for (ConnectionState state : ConnectionState.values()) {
      long count = byState.getOrDefault(state, 0L);
      if (count < 0) {
        throw new IllegalArgumentException("a negative count of " + state);
      }
      all.put(state, count);
    }
    // Not checked against the connected count: the two are read apart, and an account may
    // connect in between.
    if (lagging < 0) {
      throw new IllegalArgumentException("a negative count of lagging accounts");
    }
    byState = Map.copyOf(all);
  }

  public long accounts(ConnectionState state) {
    return byState.get(state);
  }
}
