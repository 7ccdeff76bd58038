package com.feedbacksync.domain.intercom;

/** An Intercom tag's id. */
public record TagId(String value) {

  public TagId {
    Ids.require(value, "a tag id");
  }

  @Override
  public String toString() {
    return value;
  }
}
