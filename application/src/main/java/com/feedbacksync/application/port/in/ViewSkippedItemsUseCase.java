package com.feedbacksync.application.port.in;

import com.feedbacksync.application.model.SkippedItem;
import com.feedbacksync.application.model.Slice;
import com.feedbacksync.application.model.SliceCursor;
import com.feedbacksync.domain.account.AccountId;
import java.util.Optional;

/** What the syncs left out and why: dead letters and conversations without a customer reply. */
public interface ViewSkippedItemsUseCase {

  /** Most items a page lists. */
  int MAX_LIMIT = 100;

  /**
   * @throws IllegalArgumentException a limit outside 1..{@link #MAX_LIMIT}
   */
  Slice<SkippedItem> skipped(AccountId account, Optional<SliceCursor> after, int limit);
}
