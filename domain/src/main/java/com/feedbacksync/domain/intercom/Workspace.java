package com.feedbacksync.domain.intercom;

import java.util.Objects;

/** A connected Intercom workspace: its id, its name as admins know it, and its region. */
public record Workspace(WorkspaceId id, String name, Region region) {

  public Workspace {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(region, "region");
    name = name == null || name.isBlank() ? id.value() : name.strip();
  }

  /**
   * The conversation in the Intercom inbox, as admins open it (documented by Intercom by example).
   */
  public String inboxUrl(ConversationId conversation) {
    return "https://"
        + region.appHost()
        + "/a/inbox/"
        + id.value()
        + "/inbox/conversation/"
        + conversation.value();
  }
}
