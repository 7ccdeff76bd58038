package com.feedbacksync.application.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How recently one connected account's conversations synced: when it was connected, and when its
 * latest completed conversation sync (first or hourly) ended, if one ever did. Carries no account
 * on purpose: it is counted, never shown.
 */
public record SyncRecency(Instant connectedAt, Optional<Instant> lastSuccess) {

  public SyncRecency {
    Objects.requireNonNull(connectedAt, "connectedAt");
    Objects.requireNonNull(lastSuccess, "lastSuccess");
  }
}
