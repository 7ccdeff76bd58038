package com.feedbacksync.application.port.in;

import com.feedbacksync.application.model.WebhookDelivery;

/**
 * Takes a verified webhook notification: refuses a stale or replayed one, and queues what it asks
 * to re-sync for every account connected to its workspace.
 */
public interface ReceiveWebhooksUseCase {

  Receipt receive(WebhookDelivery delivery);

  /** What became of a delivery. */
  sealed interface Receipt {

    /** Queued for this many accounts (the hourly sync takes what a full queue refused). */
    record Queued(int accounts, int deferredToHourlySync) implements Receipt {}

    /** This notification was received before: nothing more to do. */
    record Duplicate() implements Receipt {}

    /** Created too long ago (or too far ahead): a replay, refused. */
    record Stale(String reason) implements Receipt {}

    /** No account is connected to the workspace. */
    record NoAccount() implements Receipt {}
  }
}
