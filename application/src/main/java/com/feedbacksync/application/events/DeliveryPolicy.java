package com.feedbacksync.application.events;

import java.time.Duration;
import java.util.Objects;

/**
 * How the outbox is delivered.
 *
 * @param batchSize events one pass claims at most
 * @param claimFor how long a pass holds its claims: longer than a batch of attempts can take, so a
 *     slow receiver never lets another server take an event that is still being sent
 * @param maxAttempts attempts after which a failing event is given up
 * @param maxAge age after which a failing event is given up (counted from when it happened)
 * @param retention how long delivered events are kept
 * @param gaveUpRetention how long given-up events are kept for operators to read and send again
 *     (counted from when they were given up): without it a receiver gone for good would grow the
 *     outbox without end
 * @param backoff the waits between attempts
 */
public record DeliveryPolicy(
    int batchSize,
    Duration claimFor,
    int maxAttempts,
    Duration maxAge,
    Duration retention,
    Duration gaveUpRetention,
    DeliveryBackoff backoff) {

  public DeliveryPolicy {
    Objects.requireNonNull(claimFor, "claimFor");
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(gaveUpRetention, "gaveUpRetention");
    Objects.requireNonNull(backoff, "backoff");
    if (batchSize < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("batchSize and maxAttempts at least 1");
    }
  }
}
