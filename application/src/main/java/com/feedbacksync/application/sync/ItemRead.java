package com.feedbacksync.application.sync;

import com.feedbacksync.application.model.ItemKind;
import com.feedbacksync.application.model.SetAside;
import com.feedbacksync.application.port.out.IntercomFailure;
import java.util.function.Supplier;

/**
 * One item read from Intercom, or why that item alone could not be read (a 5xx after the retries, a
 * refused request, an answer the mapping rejects): such an item is set aside and the walk goes on.
 * A failure of the connection itself (revoked, no API access) is thrown as it was.
 */
sealed interface ItemRead<T> {

  /** What Intercom gave. */
  record Read<T>(T value) implements ItemRead<T> {}

  /** Why this item could not be read. */
  record Unreadable<T>(IntercomFailure failure) implements ItemRead<T> {

    /** The dead letter it becomes. */
    SetAside setAside(ItemKind kind, String intercomId) {
      return SetAside.unreadable(kind, intercomId, failure.getMessage());
    }
  }

  static <T> ItemRead<T> of(Supplier<T> read) {
    try {
      return new Read<>(read.get());
    } catch (IntercomFailure e) {
      if (!e.itemOnly()) {
        throw e;
      }
      return new Unreadable<>(e);
    }
  }
}
