package com.feedbacksync.application.port.in;

import com.feedbacksync.application.model.AuditEntry;
import com.feedbacksync.application.model.Slice;
import com.feedbacksync.application.model.SliceCursor;
import com.feedbacksync.domain.account.AccountId;
import java.util.Optional;

/** Who did what to an account's integration and when, newest first, a page at a time. */
public interface ViewAuditUseCase {

  /** Most entries a page lists. */
  int MAX_LIMIT = 100;

  /**
   * @throws IllegalArgumentException a limit outside 1..{@link #MAX_LIMIT}
   */
  Slice<AuditEntry> entries(AccountId account, Optional<SliceCursor> after, int limit);
}
