package com.feedbacksync.domain.intercom;

/** An Intercom segment a contact belongs to. */
public record Segment(String id, String name) {

  public Segment {
    Ids.require(id, "a segment id");
    name = name == null || name.isBlank() ? id : name.strip();
  }
}
