package com.feedbacksync.application.model;

import com.feedbacksync.domain.intercom.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One verified webhook notification: its id (the key of de-duplication), when Intercom created it,
 * the workspace it is about and what it asks to re-sync.
 */
public record WebhookDelivery(
    String notificationId, Instant createdAt, WorkspaceId workspace, List<WebhookItem> items) {

  public WebhookDelivery {
    Objects.requireNonNull(notificationId, "notificationId");
    if (notificationId.isBlank() || notificationId.length() > 200) {
      throw new IllegalArgumentException("A notification id has 1 to 200 characters.");
    }
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(workspace, "workspace");
    items = List.copyOf(items);
  }
}
