package com.feedbacksync.domain.intercom;

/** One conversation part's id. */
public record PartId(String value) {

  public PartId {
    Ids.require(value, "a conversation part id");
  }

  @Override
  public String toString() {
    return value;
  }
}
