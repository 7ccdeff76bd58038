package com.feedbacksync.application.model;

import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.WorkspaceId;
import java.util.Objects;

/** What it takes to read one connected workspace: its id, its region (the API host) and a token. */
public record IntercomAccess(WorkspaceId workspace, Region region, AccessToken token) {

  public IntercomAccess {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(token, "token");
  }
}
