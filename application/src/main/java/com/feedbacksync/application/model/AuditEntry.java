package com.feedbacksync.application.model;

import java.time.Instant;
import java.util.Objects;

/** A recorded action: its id (for paging), when it was recorded, and what it was. */
public record AuditEntry(String id, Instant at, AuditEvent event) {

  public AuditEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(event, "event");
    if (id.isBlank()) {
      throw new IllegalArgumentException("an audit entry has an id");
    }
  }
}
