package com.feedbacksync.domain.intercom;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The reply times Intercom keeps per conversation; the sync decides re-fetches from them. */
public record Statistics(
    Optional<Instant> firstContactReplyAt,
    Optional<Instant> lastContactReplyAt,
    Optional<Instant> lastAdminReplyAt) {

  public static final Statistics NONE =
      new Statistics(Optional.empty(), Optional.empty(), Optional.empty());

  public Statistics {
    Objects.requireNonNull(firstContactReplyAt, "firstContactReplyAt");
    Objects.requireNonNull(lastContactReplyAt, "lastContactReplyAt");
    Objects.requireNonNull(lastAdminReplyAt, "lastAdminReplyAt");
  }
}
