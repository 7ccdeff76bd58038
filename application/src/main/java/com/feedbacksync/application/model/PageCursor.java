package com.feedbacksync.application.model;

/** Where a listing goes on: Intercom's opaque {@code starting_after}, kept in checkpoints. */
public record PageCursor(String value) {

  public PageCursor {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a cursor is not blank");
    }
  }
}
