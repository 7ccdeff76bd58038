package com.feedbacksync.application.audit;

import com.feedbacksync.application.model.AuditEntry;
import com.feedbacksync.application.model.AuditEvent;
import com.feedbacksync.application.model.Slice;
import com.feedbacksync.application.model.SliceCursor;
import com.feedbacksync.application.port.in.RecordAuditUseCase;
import com.feedbacksync.application.port.in.ViewAuditUseCase;
import com.feedbacksync.application.port.out.AuditTrail;
import com.feedbacksync.domain.account.AccountId;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Records actions with the service's clock and a fresh id, and lists an account's entries. */
public final class AuditService implements RecordAuditUseCase, ViewAuditUseCase {

  private final AuditTrail trail;
  private final Clock clock;

  public AuditService(AuditTrail trail, Clock clock) {
    this.trail = Objects.requireNonNull(trail);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public void record(AuditEvent event) {
    trail.append(new AuditEntry(UUID.randomUUID().toString(), clock.instant(), event));
  }

  @Override
  public Slice<AuditEntry> entries(AccountId account, Optional<SliceCursor> after, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    return trail.entries(account, after, limit);
  }
}
