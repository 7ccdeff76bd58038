package com.feedbacksync.adapters.intercom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Intercom calls and 429 waits by endpoint, as MicroProfile metrics ({@code
 * feedbacksync_intercom_calls_total}, {@code feedbacksync_intercom_rate_limited_total} at {@code
 * /metrics}). The endpoint is the only label: a handful of values, never an account or an id.
 */
@ApplicationScoped
public class IntercomCallMetrics implements CallMeter {

  static final String CALLS = "feedbacksync.intercom.calls";
  static final String RATE_LIMITED = "feedbacksync.intercom.rate.limited";

  @Inject MetricRegistry metrics;

  @Override
  public void answered(String endpoint, int status) {
    Tag tag = new Tag("endpoint", endpoint);
    metrics.counter(CALLS, tag).inc();
    if (status == 429) {
      metrics.counter(RATE_LIMITED, tag).inc();
    }
  }
}
