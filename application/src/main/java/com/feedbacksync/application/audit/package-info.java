/**
 * The audit trail: recording who did what to an account's integration, listing it for the account's
 * admins, and keeping it for a bounded time. Depends on ports and values only.
 */
package com.feedbacksync.application.audit;
