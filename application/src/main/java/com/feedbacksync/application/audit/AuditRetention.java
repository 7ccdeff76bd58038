package com.feedbacksync.application.audit;

import com.feedbacksync.application.port.in.PruneAuditUseCase;
import com.feedbacksync.application.port.out.AuditTrail;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Deletes audit entries older than the retention (365 days unless configured): the sibling of the
 * runs' retention, longer by default because "who disconnected us in spring?" is asked late.
 */
public final class AuditRetention implements PruneAuditUseCase {

  public static final Duration DEFAULT = Duration.ofDays(365);

  private final AuditTrail trail;
  private final Clock clock;
  private final Duration keep;

  public AuditRetention(AuditTrail trail, Clock clock, Duration keep) {
    this.trail = Objects.requireNonNull(trail);
    this.clock = Objects.requireNonNull(clock);
    if (keep.compareTo(Duration.ofDays(1)) < 0) {
      throw new IllegalArgumentException("the audit trail is kept at least a day");
    }
    this.keep = keep;
  }

  @Override
  public int prune() {
    return trail.prune(clock.instant().minus(keep));
  }
}
