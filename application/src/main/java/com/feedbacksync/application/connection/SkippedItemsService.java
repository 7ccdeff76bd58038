package com.feedbacksync.application.connection;

import com.feedbacksync.application.model.SkippedItem;
import com.feedbacksync.application.model.Slice;
import com.feedbacksync.application.model.SliceCursor;
import com.feedbacksync.application.port.in.ViewSkippedItemsUseCase;
import com.feedbacksync.application.port.out.SkippedItems;
import com.feedbacksync.domain.account.AccountId;
import java.util.Objects;
import java.util.Optional;

/** Lists what the syncs of an account left out, a page at a time. */
public final class SkippedItemsService implements ViewSkippedItemsUseCase {

  private final SkippedItems items;

  public SkippedItemsService(SkippedItems items) {
    this.items = Objects.requireNonNull(items);
  }

  @Override
  public Slice<SkippedItem> skipped(AccountId account, Optional<SliceCursor> after, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    return items.skipped(account, after, limit);
  }
}
