package com.feedbacksync.application.port.out;

import com.feedbacksync.application.model.SkippedItem;
import com.feedbacksync.application.model.Slice;
import com.feedbacksync.application.model.SliceCursor;
import com.feedbacksync.domain.account.AccountId;
import java.util.Optional;

/** The items the syncs left out, as admins read them, always within one account. */
public interface SkippedItems {

  /**
   * Dead letters and conversations without a customer reply, the most recently first seen first
   * (the cursor's id is {@code KIND:intercomId}).
   */
  Slice<SkippedItem> skipped(AccountId account, Optional<SliceCursor> after, int limit);
}
