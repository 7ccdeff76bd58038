/**
 * The service's MicroProfile metrics (Prometheus format at {@code /metrics}): ended runs and lease
 * take-overs through the application's {@code RunMetrics} port, webhook deliveries at the receiver,
 * the accounts by connection state and lag through the {@code CountAccountsUseCase}. Labels are
 * kinds, outcomes and endpoints, never an account. Uses application ports and values, never another
 * adapter.
 */
package com.feedbacksync.adapters.web.metrics;
