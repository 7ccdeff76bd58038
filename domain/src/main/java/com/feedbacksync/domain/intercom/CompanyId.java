package com.feedbacksync.domain.intercom;

/** An Intercom company's id. */
public record CompanyId(String value) {

  public CompanyId {
    Ids.require(value, "a company id");
  }

  @Override
  public String toString() {
    return value;
  }
}
