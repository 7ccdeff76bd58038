package com.feedbacksync.application.model;

import java.util.Objects;

/** How the research repository answered one delivery attempt. */
public sealed interface DeliveryResult {

  /** A 2xx: the event is delivered. */
  record Delivered(int status) implements DeliveryResult {}

  /**
   * Worth trying again later: a 5xx, a 429, a timeout or a connection error.
   *
   * @param reason what happened, for the outbox row and the log (never the body or a secret)
   */
  record Retry(String reason) implements DeliveryResult {
    public Retry {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Refused for good (another 4xx, a redirect): trying again would change nothing. */
  record Refused(String reason) implements DeliveryResult {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
