package com.feedbacksync.domain.intercom;

/**
 * An Intercom workspace (app) id: `app.id_code` of `GET /me`, the tenant key of every Intercom id.
 */
public record WorkspaceId(String value) {

  public WorkspaceId {
    Ids.require(value, "a workspace id");
  }

  @Override
  public String toString() {
    return value;
  }
}
