package com.feedbacksync.application.port.out;

import java.time.Duration;

/**
 * The notification ids of recent webhook deliveries, shared by every server, so one notification is
 * acted on once however often it is delivered (Intercom's retries, a replayed capture).
 */
public interface WebhookDeliveries {

  /** Records the id; true when it is new, false when it was recorded before (and is kept). */
  boolean firstDelivery(String notificationId);

  /** Forgets the ids recorded longer ago than this, on the shared (database) clock. */
  void forgetOlderThan(Duration age);
}
