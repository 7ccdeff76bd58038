package com.feedbacksync.application.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An item the syncs left out, as admins see it: a dead letter (unreadable after retries, retried by
 * later runs) or a conversation without a customer reply.
 *
 * @param attempts how many runs tried to read it
 */
public record SkippedItem(
    ItemKind kind,
    String intercomId,
    SkipReason reason,
    String detail,
    int attempts,
    Instant firstSeen,
    Instant lastSeen) {

  public SkippedItem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(intercomId, "intercomId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
  }
}
