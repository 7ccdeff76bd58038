package com.feedbacksync.application.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A claim that won its job: the token it holds, and the holder it took the job over from when that
 * holder's lease had expired instead of being given back (the holder stopped, or stalled past its
 * lease). Empty when the job was free: never claimed, released, or the claimant's own lease.
 */
public record LeaseClaim(LeaseToken token, Optional<String> takenOverFrom) {

  public LeaseClaim {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(takenOverFrom, "takenOverFrom");
  }

  /** A free job taken. */
  public static LeaseClaim free(LeaseToken token) {
    return new LeaseClaim(token, Optional.empty());
  }

  public boolean takeOver() {
    return takenOverFrom.isPresent();
  }
}
