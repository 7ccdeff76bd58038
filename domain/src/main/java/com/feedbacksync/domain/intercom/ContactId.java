package com.feedbacksync.domain.intercom;

/** An Intercom contact's id (a user or a lead). */
public record ContactId(String value) {

  public ContactId {
    Ids.require(value, "a contact id");
  }

  @Override
  public String toString() {
    return value;
  }
}
