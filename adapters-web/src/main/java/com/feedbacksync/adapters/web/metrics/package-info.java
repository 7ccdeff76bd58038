/**
 * The service's MicroProfile metrics (Prometheus format at {@code /metrics}): ended runs through
 * the application's {@code RunMetrics} port, webhook deliveries at the receiver. Labels are kinds,
 * outcomes and endpoints, never an account. Uses application ports and values, never another
 * adapter.
 */
package com.feedbacksync.adapters.web.metrics;
