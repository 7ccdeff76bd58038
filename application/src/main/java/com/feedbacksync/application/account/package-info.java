/**
 * Accounts and plans: viewing an account, the research repository creating or updating one,
 * changing its plan (an upgrade starts the backfill). Services implement {@code port.in} use cases
 * through {@code port.out} ports.
 */
package com.feedbacksync.application.account;
