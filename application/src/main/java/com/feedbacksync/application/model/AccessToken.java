package com.feedbacksync.application.model;

/** An Intercom access token. Never printed: {@link #toString()} hides it so logs cannot leak it. */
public record AccessToken(String value) {

  public AccessToken {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("an access token is required");
    }
  }

  @Override
  public String toString() {
    return "AccessToken[***]";
  }
}
