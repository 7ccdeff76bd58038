/**
 * Which syncs are due (first, hourly, backfill, daily customers), claimed through a lease per
 * account so that several servers on one database never run one account twice.
 */
package com.feedbacksync.application.schedule;
