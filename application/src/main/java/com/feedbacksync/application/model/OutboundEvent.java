package com.feedbacksync.application.model;

import com.feedbacksync.domain.account.AccountId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An event for the research repository, as the outbox keeps it until it is delivered: its id (the
 * receiver deduplicates on it), type, when it happened, the account, and a small flat {@code data}
 * of strings, whole numbers and booleans (ids, counts, a reason admins read; never a token).
 */
public record OutboundEvent(
    String id, EventType type, Instant occurredAt, AccountId account, Map<String, Object> data) {

  public OutboundEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(account, "account");
    if (id.isBlank() || id.length() > 36) {
      throw new IllegalArgumentException("an event id has 1 to 36 characters");
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    data.forEach(
        (key, value) -> {
          Objects.requireNonNull(key, "data key");
          if (!(value instanceof String || value instanceof Long || value instanceof Boolean)) {
            throw new IllegalArgumentException(
                "event data holds strings, longs and booleans only; " + key + " is " + value);
          }
          copy.put(key, value);
        });
    data = Collections.unmodifiableMap(copy);
  }
}
