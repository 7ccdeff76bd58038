package com.feedbacksync.domain.intercom;

/**
 * The one rule every Intercom id follows here: a non-blank string of bounded length, never a
 * number.
 */
final class Ids {

  /** Intercom's ids are short; anything longer is corrupt input and must not reach storage keys. */
  static final int MAX_LENGTH = 128;

  private Ids() {}

  static String require(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(what + " is longer than " + MAX_LENGTH + " characters");
    }
    if (!value.strip().equals(value)) {
      throw new IllegalArgumentException(what + " has surrounding white space");
    }
    return value;
  }
}
