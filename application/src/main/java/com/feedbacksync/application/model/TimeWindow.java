package com.feedbacksync.application.model;

import java.time.Instant;
import java.util.Objects;

/** A closed window of update times: both ends included, as Intercom's search includes them. */
public record TimeWindow(Instant from, Instant to) {

  public TimeWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("a window ends after it starts");
    }
  }
}
