/**
 * Which syncs are due (first, hourly, backfill, daily customers) and the re-syncs verified webhooks
 * queued, claimed through a lease per account (on the database's clock, its commits fenced) so that
 * several servers on one database never run one account twice.
 */
package com.feedbacksync.application.schedule;
