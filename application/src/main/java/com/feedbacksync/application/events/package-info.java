/**
 * Events to the research repository: which state changes emit which event (decorators of the {@code
 * Connections} and {@code SyncRuns} ports that write the event to the outbox in the same
 * transaction as the change), and the delivery of the outbox (claims, retries with backoff and
 * jitter, giving up, pruning). Uses ports and values only.
 */
package com.feedbacksync.application.events;
