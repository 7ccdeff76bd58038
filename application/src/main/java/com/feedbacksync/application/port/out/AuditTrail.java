package com.feedbacksync.application.port.out;

import com.feedbacksync.application.model.AuditEntry;
import com.feedbacksync.application.model.Slice;
import com.feedbacksync.application.model.SliceCursor;
import com.feedbacksync.domain.account.AccountId;
import java.time.Instant;
import java.util.Optional;

/** The record of who did what to an account's integration, kept apart per account. */
public interface AuditTrail {

  /** Stores the entry; an id already stored is a programming error. */
  void append(AuditEntry entry);

  /** The account's entries, newest first (the cursor's id is the entry's id). */
  Slice<AuditEntry> entries(AccountId account, Optional<SliceCursor> after, int limit);

  /** Deletes entries recorded before this instant, a bounded batch at a time; returns how many. */
  int prune(Instant recordedBefore);
}
