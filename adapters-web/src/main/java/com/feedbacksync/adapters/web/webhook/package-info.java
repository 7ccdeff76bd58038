/**
 * Intercom's webhook receiver and its signature check (HMAC-SHA1, constant time). What a body asks
 * for is read by the Intercom adapter through the {@code WebhookNotifications} out-port; this
 * package depends on the application and the domain only, never on Intercom's JSON.
 */
package com.feedbacksync.adapters.web.webhook;
