package com.feedbacksync.application.model;

import java.util.Objects;

/**
 * An outbox event one dispatcher holds for a while: how often it was tried before, and the claim
 * that lets only this holder mark it (another server takes it over once the claim expires).
 */
public record ClaimedEvent(OutboundEvent event, int attempts, String claim) {

  public ClaimedEvent {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(claim, "claim");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts >= 0");
    }
  }
}
